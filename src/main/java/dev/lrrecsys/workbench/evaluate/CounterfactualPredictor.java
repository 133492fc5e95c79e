package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.model.AttentionModel;
import dev.lrrecsys.workbench.model.ExplanationAutoencoder;
import dev.lrrecsys.workbench.model.ExplanationVocabulary;
import dev.lrrecsys.workbench.model.RatingModel;
import dev.lrrecsys.workbench.model.SampleSet;
import dev.lrrecsys.workbench.store.CaseRepository;
import dev.lrrecsys.workbench.store.CaseRepository.AutoencoderRef;
import dev.lrrecsys.workbench.store.CaseRepository.CaseRun;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExperimentSampleReader;
import dev.lrrecsys.workbench.store.ExplanationCodeRepository;
import dev.lrrecsys.workbench.store.StoredSample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One finished run's network loaded from its checkpoint, ready to predict edited samples: the run's dense consumer and
 * product indices (rebuilt from the stored samples as the experiment built them), the explanation autoencoder its
 * experiment trained on, and the training split's code scaling. An edited explanation is encoded by that autoencoder
 * and scaled like the training codes, so an unedited sample predicts what the experiment stored. Loading reads the
 * checkpoints and every sample once; keep the instance while the run stays the same.
 */
public final class CounterfactualPredictor {

    /** One sample as the run's network reads it: indices in the run's tables (history oldest first, -1 empty). */
    public record CaseInput(int consumerIndex, int productIndex, int[] history, String positive, String negative) {
        public CaseInput withTexts(String positiveText, String negativeText) {
            return new CaseInput(consumerIndex, productIndex, history, positiveText, negativeText);
        }
    }

    /** The prediction on [0,1] and the 6x6 attention (row-major; null for models without attention). */
    public record Prediction(double value, float[] attention) {
    }

    private static final int DIM = ExplanationCodeRepository.CODE_DIM;

    private final CaseRun run;
    private final ModelCatalog.Entry entry;
    private final RatingModel model;
    private final ExplanationAutoencoder autoencoder;
    private final Map<Integer, Integer> consumerIndex;
    private final Map<Integer, Integer> productIndex;
    private final Map<Long, StoredSample> samples;
    /** Per side (positive, negative) and code dimension: the training split's mean and 1/sd. */
    private final double[][] mean;
    private final double[][] scale;
    /** The shuffled control's sources (sample to whose explanations it read); null for every other model. */
    private final Map<Long, Long> shuffledSources;
    /** For the shuffled control: the test samples rebuilt from today's codes and those the run stored predictions of. */
    private final long rebuiltTestSamples;
    private final long predictedTestSamples;

    private CounterfactualPredictor(CaseRun run, ModelCatalog.Entry entry, RatingModel model, ExplanationAutoencoder autoencoder,
                                    Map<Integer, Integer> consumerIndex, Map<Integer, Integer> productIndex,
                                    Map<Long, StoredSample> samples, double[][] mean, double[][] scale,
                                    Map<Long, Long> shuffledSources, long rebuiltTestSamples, long predictedTestSamples) {
        this.run = run;
        this.entry = entry;
        this.model = model;
        this.autoencoder = autoencoder;
        this.consumerIndex = consumerIndex;
        this.productIndex = productIndex;
        this.samples = samples;
        this.mean = mean;
        this.scale = scale;
        this.shuffledSources = shuffledSources;
        this.rebuiltTestSamples = rebuiltTestSamples;
        this.predictedTestSamples = predictedTestSamples;
    }

    /**
     * Loads run {@code runId} of the project in folder {@code projectDir}. Refuses, naming the file, a run whose
     * checkpoint (or whose experiment's autoencoder checkpoint) is missing.
     */
    public static CounterfactualPredictor load(Database database, Path projectDir, long runId) {
        CaseRepository cases = new CaseRepository();
        CaseRun run = database.read(tx -> cases.run(tx, runId));
        if (run == null) {
            throw new WorkbenchException("There is no run " + runId + " in this project.");
        }
        if (!"done".equals(run.status()) || run.checkpoint() == null) {
            throw new WorkbenchException("Run " + runId + " (" + run.model() + ") is " + run.status()
                    + " and has no finished checkpoint to predict with.");
        }
        ModelCatalog.Entry entry = ModelCatalog.standard().get(run.model());
        if (entry.features() == ModelCatalog.Features.SENTENCE_EMBEDDINGS) {
            throw new WorkbenchException("Run " + runId + " (" + run.model() + ") reads sentence embeddings; the case "
                    + "workbench predicts again with the models that read autoencoder codes or no explanations.");
        }
        Path checkpoint = projectDir.resolve(run.checkpoint()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(checkpoint)) {
            throw new WorkbenchException("The checkpoint of run " + runId + " is missing: " + checkpoint + ".");
        }
        ExplanationAutoencoder autoencoder = null;
        AutoencoderRef ref = null;
        if (entry.features().readsCodes()) {
            ref = database.read(tx -> cases.autoencoderOf(tx, run.generator(), run.generatorModel(), run.variant(),
                    run.experimentCreated()));
            if (ref == null) {
                throw new WorkbenchException("Run " + runId + " read explanation codes, but no finished autoencoder of generator '"
                        + run.generator() + "' (model '" + run.generatorModel() + "') is left in this project.");
            }
            Path file = projectDir.resolve(ref.checkpoint()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new WorkbenchException("The autoencoder checkpoint of run " + runId + " is missing: " + file + ".");
            }
            try {
                autoencoder = ExplanationAutoencoder.load(file);
            } catch (IOException e) {
                throw new WorkbenchException("Cannot read the autoencoder checkpoint " + file + ": " + e.getMessage(), e);
            }
        }
        RatingModel model = entry.factory().get();
        try {
            model.load(checkpoint);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read the checkpoint of run " + runId + " (" + checkpoint + "): " + e.getMessage(), e);
        }
        List<StoredSample> rows = database.read(tx -> new ExperimentSampleReader().all(tx));
        // The same dense indices as SampleSetLoader.load: first appearance in (consumer, position) order.
        Map<Integer, Integer> consumers = new HashMap<>();
        Map<Integer, Integer> products = new HashMap<>();
        Map<Long, StoredSample> byId = new HashMap<>();
        for (StoredSample s : rows) {
            consumers.putIfAbsent(s.consumerId(), consumers.size());
            products.putIfAbsent(s.productId(), products.size());
            for (int h : s.history()) {
                if (h >= 0) {
                    products.putIfAbsent(h, products.size());
                }
            }
            byId.put(s.id(), s);
        }
        double[][] mean = new double[2][DIM];
        double[][] scale = new double[2][DIM];
        for (double[] s : scale) {
            java.util.Arrays.fill(s, 1);
        }
        Map<Long, Long> shuffled = null;
        long rebuilt = 0;
        long predicted = 0;
        if (ref != null) {
            Set<Long> withPair = trainingScaling(database, ref.id(), byId, mean, scale);
            if (entry.features() == ModelCatalog.Features.SHUFFLED_AUTOENCODER_CODES) {
                shuffled = ShuffledExplanationSources.of(rows, withPair, run.trainFraction(), run.validationFraction(), run.seed());
                rebuilt = ShuffledExplanationSources.testSamples(rows, withPair);
                predicted = database.read(tx -> cases.predictionCount(tx, runId));
            }
        }
        return new CounterfactualPredictor(run, entry, model, autoencoder, consumers, products, byId, mean, scale,
                shuffled, rebuilt, predicted);
    }

    /**
     * The scaling of SampleSetLoader.standardize: mean and 1/sd (1 where sd is below 1e-6) of each side and code
     * dimension over the training samples that have both codes, as the experiment trained on them. Returns the
     * samples (either split) that have both codes: those the experiment kept.
     */
    private static Set<Long> trainingScaling(Database database, long autoencoderId, Map<Long, StoredSample> samples,
                                        double[][] mean, double[][] scale) {
        Map<Long, float[]> pairs = new HashMap<>();
        database.read(tx -> {
            new ExplanationCodeRepository().forEachCode(tx, autoencoderId, (sampleId, positive, code) -> {
                if (samples.containsKey(sampleId)) {
                    float[] both = pairs.computeIfAbsent(sampleId, k -> {
                        float[] empty = new float[2 * DIM];
                        java.util.Arrays.fill(empty, Float.NaN);
                        return empty;
                    });
                    System.arraycopy(code, 0, both, positive ? 0 : DIM, DIM);
                }
            });
            return null;
        });
        double[][] sum = new double[2][DIM];
        double[][] squares = new double[2][DIM];
        long n = 0;
        Set<Long> complete = new HashSet<>();
        for (Map.Entry<Long, float[]> pair : pairs.entrySet()) {
            float[] both = pair.getValue();
            if (Float.isNaN(both[0]) || Float.isNaN(both[DIM])) {
                continue;
            }
            complete.add(pair.getKey());
            if (samples.get(pair.getKey()).test()) {
                continue;
            }
            n++;
            for (int side = 0; side < 2; side++) {
                for (int k = 0; k < DIM; k++) {
                    double v = both[side * DIM + k];
                    sum[side][k] += v;
                    squares[side][k] += v * v;
                }
            }
        }
        if (n == 0) {
            return complete;
        }
        for (int side = 0; side < 2; side++) {
            for (int k = 0; k < DIM; k++) {
                mean[side][k] = sum[side][k] / n;
                double sd = Math.sqrt(Math.max(0, squares[side][k] / n - mean[side][k] * mean[side][k]));
                scale[side][k] = sd > 1e-6 ? 1 / sd : 1;
            }
        }
        return complete;
    }

    public CaseRun run() {
        return run;
    }

    /** Whether the run's model reads the explanations (edits of their text can move its prediction). */
    public boolean readsExplanations() {
        return autoencoder != null;
    }

    /** Whether the run is the shuffled-explanations control (it read other samples' explanations in each place). */
    public boolean shuffled() {
        return shuffledSources != null;
    }

    /**
     * The sample whose stored explanations the run read in {@code sampleId}'s place: the sample itself, except for the
     * shuffled control, where it is the sample its seeded permutation put there (the sample itself where the run never
     * read it: no pair, or a training sample beyond its training fraction).
     */
    public long explanationSource(long sampleId) {
        return shuffledSources == null ? sampleId : shuffledSources.getOrDefault(sampleId, sampleId);
    }

    /** Whether the shuffled control read this sample (it is in one of the run's rebuilt splits). */
    public boolean shuffledRead(long sampleId) {
        return shuffledSources != null && shuffledSources.containsKey(sampleId);
    }

    /**
     * Whether the permutation rebuilt from today's codes can be the run's: as many test samples have both codes as
     * the run stored predictions of. False after explanations were added or removed since the experiment.
     */
    public boolean shuffleMatchesRun() {
        return rebuiltTestSamples == predictedTestSamples;
    }

    public long rebuiltTestSamples() {
        return rebuiltTestSamples;
    }

    public long predictedTestSamples() {
        return predictedTestSamples;
    }

    public boolean hasAttention() {
        return model instanceof AttentionModel;
    }

    /** The stored sample, or null when there is none with this id. */
    public StoredSample sample(long sampleId) {
        return samples.get(sampleId);
    }

    /** The stored sample with the given texts, in the run's indices. */
    public CaseInput input(StoredSample s, String positive, String negative) {
        int[] history = new int[SampleSet.HISTORY];
        for (int k = 0; k < SampleSet.HISTORY; k++) {
            history[k] = s.history()[k] < 0 ? -1 : productIndex(s.history()[k]);
        }
        return new CaseInput(consumerIndex.get(s.consumerId()), productIndex(s.productId()), history, positive, negative);
    }

    /** The run's index of a product (by internal id); refuses a product the run's network never saw. */
    public int productIndex(int productId) {
        Integer index = productIndex.get(productId);
        if (index == null) {
            throw new WorkbenchException("Product " + productId + " appears in no sample, so run " + run.id()
                    + "'s network has no embedding for it.");
        }
        return index;
    }

    /** Whether any word of {@code text} is in the autoencoder's vocabulary. */
    public boolean knowsAnyWord(String text) {
        if (autoencoder == null) {
            return true;
        }
        ExplanationVocabulary v = autoencoder.vocabulary();
        return ExplanationVocabulary.tokenize(text).stream().anyMatch(w -> v.id(w) != ExplanationVocabulary.UNKNOWN);
    }

    /** Whether the autoencoder knows this (tokenized) word. */
    public boolean knowsWord(String word) {
        return autoencoder == null || autoencoder.vocabulary().id(word) != ExplanationVocabulary.UNKNOWN;
    }

    /** Predictions (and attention) of every input, in one batch. */
    public synchronized List<Prediction> predict(List<CaseInput> inputs) {
        int n = inputs.size();
        long[] ids = new long[n];
        int[] consumers = new int[n];
        int[] products = new int[n];
        int[] history = new int[n * SampleSet.HISTORY];
        float[] positive = new float[n * DIM];
        float[] negative = new float[n * DIM];
        for (int i = 0; i < n; i++) {
            CaseInput in = inputs.get(i);
            ids[i] = i;
            consumers[i] = in.consumerIndex();
            products[i] = in.productIndex();
            System.arraycopy(in.history(), 0, history, i * SampleSet.HISTORY, SampleSet.HISTORY);
        }
        if (autoencoder != null) {
            List<String> sentences = new ArrayList<>(2 * n);
            for (CaseInput in : inputs) {
                sentences.add(in.positive());
                sentences.add(in.negative());
            }
            float[] codes = autoencoder.encode(sentences);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < DIM; k++) {
                    positive[i * DIM + k] = (float) ((codes[(2 * i) * DIM + k] - mean[0][k]) * scale[0][k]);
                    negative[i * DIM + k] = (float) ((codes[(2 * i + 1) * DIM + k] - mean[1][k]) * scale[1][k]);
                }
            }
        }
        SampleSet set = new SampleSet(ids, consumers, products, history, positive, negative, DIM, new float[n], new double[n]);
        float[] values = model.predict(set);
        float[] attention = model instanceof AttentionModel a ? a.attention(set) : null;
        int cells = AttentionModel.TOKENS * AttentionModel.TOKENS;
        List<Prediction> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Prediction(values[i], attention == null ? null : java.util.Arrays.copyOfRange(attention, i * cells, (i + 1) * cells)));
        }
        return out;
    }
}
