package dev.lrrecsys.workbench.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the explanation autoencoder job reads its training texts and records its run and codes: a port the model
 * package declares and a higher package implements over the project's database, so that the model package
 * never reads the store itself.
 */
public interface AutoencoderStore {

    /** One contrastive explanation of a generator and model, and whether its sample is in the test split. */
    record Text(long explanationId, String text, boolean test) {
    }

    List<Text> contrastiveTexts(String generator, String model);

    /** Records a new, unfinished autoencoder run and returns its id. */
    long start(String generator, String model, int vocabularySize, AutoencoderSettings settings, int trainSentences,
               int testSentences);

    /** Records where the trained autoencoder was saved and how well it reconstructs. */
    void recordTraining(long autoencoderId, Path checkpoint, double finalLoss, double trainAccuracy,
                        double testAccuracy);

    /** Stores one batch of codes, {@code codes} holding 8 values per explanation in {@code explanationIds} order. */
    void writeCodes(long autoencoderId, long[] explanationIds, float[] codes);

    /** Marks the run finished: from now on its codes count for the models. */
    void finish(long autoencoderId);
}
