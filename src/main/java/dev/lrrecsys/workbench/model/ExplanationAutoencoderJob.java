package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains the explanation autoencoder on the training-split explanation pairs of one variant (contrastive or
 * concise) of one generator and model, reports its reconstruction token accuracy on the test split, saves it to the models folder and
 * stores the 8-dim code of every one of those explanations (train and test) in batches, through an
 * {@link AutoencoderStore}. The codes count for the models only once all are written.
 */
public final class ExplanationAutoencoderJob implements Job<ExplanationAutoencoderJob.Result> {

    private static final int CODE_BATCH = 2_000;

    private final AutoencoderStore store;
    private final Path modelsDir;
    private final String generator;
    private final String model;
    private final String variant;
    private final AutoencoderSettings settings;

    /** What the run produced. */
    public record Result(long autoencoderId, int vocabularySize, long trainSentences, long testSentences,
                         double finalLoss, double trainAccuracy, double testAccuracy, long codesWritten,
                         Path checkpoint) {
    }

    /**
     * @param modelsDir the folder the trained autoencoder is saved in (a project's models folder)
     * @param variant   whose pairs: explanation.variant, 'contrastive' or 'concise'
     */
    public ExplanationAutoencoderJob(AutoencoderStore store, Path modelsDir, String generator, String model,
                                     String variant, AutoencoderSettings settings) {
        this.store = store;
        this.modelsDir = modelsDir;
        this.generator = generator;
        this.model = model;
        this.variant = variant;
        this.settings = settings;
    }

    @Override
    public String title() {
        return "Train explanation autoencoder (" + generator + ", " + variant + ")";
    }

    @Override
    public Result run(TaskContext context) throws Exception {
        List<AutoencoderStore.Text> texts = store.pairTexts(generator, model, variant);
        List<String> train = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (AutoencoderStore.Text t : texts) {
            (t.test() ? test : train).add(t.text());
        }
        if (train.isEmpty()) {
            throw new WorkbenchException("No " + variant + " explanations of generator '" + generator + "', model '"
                    + model + "' in the training split: generate explanations first (lrw generate"
                    + ("contrastive".equals(variant) ? "" : " --variant " + variant) + ").");
        }
        ExplanationVocabulary vocabulary = ExplanationVocabulary.build(train, settings.minCount(), settings.maxVocabulary());
        ExplanationAutoencoder autoencoder = new ExplanationAutoencoder(vocabulary, settings.seed());
        int codeBatches = (texts.size() + CODE_BATCH - 1) / CODE_BATCH;
        long totalUnits = settings.epochs() + codeBatches;
        double[] lastLoss = {Double.NaN};
        context.progress(0, totalUnits, "vocabulary " + vocabulary.size() + " words from " + train.size() + " sentences");
        autoencoder.fit(train, settings, (epoch, loss, metric) -> {
            lastLoss[0] = loss;
            context.progress(epoch, totalUnits, String.format(Locale.ROOT, "epoch %d/%d, loss %.4f",
                    epoch, settings.epochs(), loss));
        }, context);
        double trainAccuracy = autoencoder.tokenAccuracy(train);
        double testAccuracy = autoencoder.tokenAccuracy(test);

        long id = store.start(generator, model, variant, vocabulary.size(), settings, train.size(), test.size());
        Path checkpoint = modelsDir.resolve("autoencoder-" + id + ".bin");
        autoencoder.save(checkpoint);
        store.recordTraining(id, checkpoint, lastLoss[0], trainAccuracy, testAccuracy);

        long written = 0;
        for (int from = 0, batch = 1; from < texts.size(); from += CODE_BATCH, batch++) {
            context.checkCancelled();
            List<AutoencoderStore.Text> chunk = texts.subList(from, Math.min(texts.size(), from + CODE_BATCH));
            long[] ids = chunk.stream().mapToLong(AutoencoderStore.Text::explanationId).toArray();
            float[] codes = autoencoder.encode(chunk.stream().map(AutoencoderStore.Text::text).toList());
            store.writeCodes(id, ids, codes);
            written += ids.length;
            context.progress(settings.epochs() + batch, totalUnits, "codes " + written + "/" + texts.size());
        }
        store.finish(id);
        return new Result(id, vocabulary.size(), train.size(), test.size(), lastLoss[0], trainAccuracy, testAccuracy,
                written, checkpoint);
    }
}
