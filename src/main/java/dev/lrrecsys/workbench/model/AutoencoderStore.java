package dev.lrrecsys.workbench.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the explanation autoencoder job reads its training texts and records its run and codes: a port the model
 * package declares and a higher package implements over the project's database, so that the model package
 * never reads the store itself.
 */
public interface AutoencoderStore {

    /** One explanation of a pair, and whether its sample is in the test split. */
    record Text(long explanationId, String text, boolean test) {
    }

    /** Both sides of the pairs of one variant ('contrastive' or 'concise') a generator and model wrote. */
    List<Text> pairTexts(String generator, String model, String variant);

    /** Records a new, unfinished autoencoder run on the pairs of {@code variant} and returns its id. */
    long start(String generator, String model, String variant, int vocabularySize, AutoencoderSettings settings,
               int trainSentences, int testSentences);

    /** Records where the trained autoencoder was saved and how well it reconstructs. */
    void recordTraining(long autoencoderId, Path checkpoint, double finalLoss, double trainAccuracy,
                        double testAccuracy);

    /** Stores one batch of codes, {@code codes} holding 8 values per explanation in {@code explanationIds} order. */
    void writeCodes(long autoencoderId, long[] explanationIds, float[] codes);

    /** Marks the run finished: from now on its codes count for the models. */
    void finish(long autoencoderId);
}
