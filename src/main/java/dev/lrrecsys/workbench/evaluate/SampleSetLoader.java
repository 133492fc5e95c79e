package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.model.ExplanationFeatures;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.model.SampleSet;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.StoredSample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns stored samples into the train and test {@link SampleSet}s every model takes: dense consumer and
 * product indices shared by both splits, -1 history padding, targets per task, explanation features.
 * Samples without an explanation pair are left out of BOTH splits for EVERY model, so all models are
 * compared on the same test samples.
 */
public final class SampleSetLoader {

    /** The two splits and what was left out. */
    public record Splits(SampleSet train, SampleSet test, int numConsumers, int numProducts, int excluded) {
    }

    private SampleSetLoader() {
    }

    /**
     * @param rows     the stored samples in consumer, position order
     * @param features where explanation vectors come from; null when no selected model reads explanations
     */
    public static Splits load(List<StoredSample> rows, DatasetInfo dataset, PredictionTask task,
                              ExplanationFeatures features) {
        if (rows.isEmpty()) {
            throw new WorkbenchException("This project has no samples: import a dataset first "
                    + "(samples are derived from its interactions).");
        }
        checkRatings(rows, dataset, task);
        Indices indices = indices(rows);
        Map<Integer, Integer> consumerIndex = indices.consumers();
        Map<Integer, Integer> productIndex = indices.products();
        int dim = features == null ? 0 : features.dim();
        List<StoredSample> train = new ArrayList<>();
        List<StoredSample> test = new ArrayList<>();
        Map<Long, float[][]> vectors = new HashMap<>();
        int excluded = 0;
        for (StoredSample s : rows) {
            if (features != null) {
                float[] pos = new float[dim];
                float[] neg = new float[dim];
                if (!features.fill(s.id(), pos, 0, neg, 0)) {
                    excluded++;
                    continue;
                }
                vectors.put(s.id(), new float[][] {pos, neg});
            }
            (s.test() ? test : train).add(s);
        }
        if (features != null && vectors.isEmpty()) {
            throw new WorkbenchException("None of the " + rows.size() + " samples has a positive and a negative "
                    + "explanation: run `lrw generate --generator offline` first, then train.");
        }
        if (train.isEmpty() || test.isEmpty()) {
            throw new WorkbenchException("The samples with explanations hold " + train.size() + " training and "
                    + test.size() + " test samples: both splits need at least one.");
        }
        Standardized sets = standardize(toSet(train, consumerIndex, productIndex, vectors, dim, dataset, task),
                toSet(test, consumerIndex, productIndex, vectors, dim, dataset, task));
        return new Splits(sets.train(), sets.test(), consumerIndex.size(), productIndex.size(), excluded);
    }

    /** Stored consumer and product ids to the dense indices of the sets {@link #load} makes from the same rows. */
    public record Indices(Map<Integer, Integer> consumers, Map<Integer, Integer> products) {
    }

    /** The dense indices {@link #load} assigns: in row order, each sample's candidate before its history. */
    public static Indices indices(List<StoredSample> rows) {
        Map<Integer, Integer> consumerIndex = new HashMap<>();
        Map<Integer, Integer> productIndex = new HashMap<>();
        for (StoredSample s : rows) {
            consumerIndex.putIfAbsent(s.consumerId(), consumerIndex.size());
            productIndex.putIfAbsent(s.productId(), productIndex.size());
            for (int h : s.history()) {
                if (h >= 0) {
                    productIndex.putIfAbsent(h, productIndex.size());
                }
            }
        }
        return new Indices(consumerIndex, productIndex);
    }

    /**
     * Rows that are not stored samples (ranking candidates: {@code others}, with their explanation vectors by row id
     * in {@code otherVectors}) as a set in the index space of {@code rows}, their features scaled with the figures
     * {@link #load} takes from the training split of {@code rows}, so they meet the models as test samples do.
     * Every other's consumer and products must occur in {@code rows}.
     */
    public static SampleSet scaledLikeTest(List<StoredSample> rows, DatasetInfo dataset, PredictionTask task,
                                           ExplanationFeatures features, List<StoredSample> others,
                                           Map<Long, float[][]> otherVectors) {
        Indices indices = indices(rows);
        int dim = features == null ? 0 : features.dim();
        List<StoredSample> train = new ArrayList<>();
        Map<Long, float[][]> vectors = new HashMap<>(otherVectors);
        for (StoredSample s : rows) {
            if (s.test()) {
                continue;
            }
            if (features != null) {
                float[] pos = new float[dim];
                float[] neg = new float[dim];
                if (!features.fill(s.id(), pos, 0, neg, 0)) {
                    continue;
                }
                vectors.put(s.id(), new float[][] {pos, neg});
            }
            train.add(s);
        }
        return standardize(toSet(train, indices.consumers(), indices.products(), vectors, dim, dataset, task),
                toSet(others, indices.consumers(), indices.products(), vectors, dim, dataset, task)).test();
    }

    /** Training and test sets whose explanation features share one scaling. */
    public record Standardized(SampleSet train, SampleSet test) {
    }

    /**
     * Scales every explanation feature to mean 0 and standard deviation 1 over the training split (each side
     * and dimension on its own), test features with the training split's figures. Autoencoder codes come out of
     * a linear bottleneck with means up to +-11 and spreads up to 8, while the embeddings beside them in the
     * attention start near 0.1: unscaled, the explanation tokens swamp the attention and make training erratic.
     * Only inputs are used, never targets.
     */
    public static Standardized standardize(SampleSet train, SampleSet test) {
        int d = train.explanationDim();
        if (d == 0 || train.size() == 0) {
            return new Standardized(train, test);
        }
        float[][] trainSides = {train.positive().clone(), train.negative().clone()};
        float[][] testSides = {test.positive().clone(), test.negative().clone()};
        for (int side = 0; side < 2; side++) {
            for (int k = 0; k < d; k++) {
                double sum = 0;
                double squares = 0;
                for (int i = 0; i < train.size(); i++) {
                    double v = trainSides[side][i * d + k];
                    sum += v;
                    squares += v * v;
                }
                double mean = sum / train.size();
                double sd = Math.sqrt(Math.max(0, squares / train.size() - mean * mean));
                double scale = sd > 1e-6 ? 1 / sd : 1;
                rescale(trainSides[side], d, k, mean, scale);
                rescale(testSides[side], d, k, mean, scale);
            }
        }
        return new Standardized(withExplanations(train, trainSides[0], trainSides[1]),
                withExplanations(test, testSides[0], testSides[1]));
    }

    private static void rescale(float[] values, int d, int k, double mean, double scale) {
        for (int i = k; i < values.length; i += d) {
            values[i] = (float) ((values[i] - mean) * scale);
        }
    }

    private static SampleSet withExplanations(SampleSet s, float[] positive, float[] negative) {
        return new SampleSet(s.sampleIds(), s.consumers(), s.products(), s.history(), positive, negative,
                s.explanationDim(), s.target(), s.rating());
    }

    private static void checkRatings(List<StoredSample> rows, DatasetInfo dataset, PredictionTask task) {
        double first = rows.get(0).rating();
        if (rows.stream().allMatch(s -> s.rating() == first)) {
            throw new WorkbenchException("All " + rows.size() + " samples have the same rating ("
                    + format(first) + "): there is nothing to learn; the data needs more than one rating value.");
        }
        if (task == PredictionTask.CLASSIFICATION) {
            boolean firstHigh = dataset.isHigh(first);
            if (rows.stream().allMatch(s -> dataset.isHigh(s.rating()) == firstHigh)) {
                throw new WorkbenchException("All " + rows.size() + " samples are " + (firstHigh ? "high" : "low")
                        + " (high means rating >= " + format(dataset.highThreshold())
                        + "): classification needs both classes.");
            }
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private static SampleSet toSet(List<StoredSample> rows, Map<Integer, Integer> consumerIndex,
                                   Map<Integer, Integer> productIndex, Map<Long, float[][]> vectors, int dim,
                                   DatasetInfo dataset, PredictionTask task) {
        int n = rows.size();
        long[] ids = new long[n];
        int[] consumers = new int[n];
        int[] products = new int[n];
        int[] history = new int[n * SampleSet.HISTORY];
        float[] positive = new float[n * dim];
        float[] negative = new float[n * dim];
        float[] target = new float[n];
        double[] rating = new double[n];
        for (int i = 0; i < n; i++) {
            StoredSample s = rows.get(i);
            ids[i] = s.id();
            consumers[i] = consumerIndex.get(s.consumerId());
            products[i] = productIndex.get(s.productId());
            for (int k = 0; k < SampleSet.HISTORY; k++) {
                int h = s.history()[k];
                history[i * SampleSet.HISTORY + k] = h < 0 ? -1 : productIndex.get(h);
            }
            if (dim > 0) {
                float[][] pair = vectors.get(s.id());
                System.arraycopy(pair[0], 0, positive, i * dim, dim);
                System.arraycopy(pair[1], 0, negative, i * dim, dim);
            }
            rating[i] = s.rating();
            target[i] = task == PredictionTask.REGRESSION ? (float) dataset.scaled(s.rating())
                    : dataset.isHigh(s.rating()) ? 1f : 0f;
        }
        return new SampleSet(ids, consumers, products, history, positive, negative, dim, target, rating);
    }

    /**
     * Learning efficiency: keeps, for every consumer, the first ceil(F * n) of their n training samples in
     * time order (at least one), so a smaller fraction means a shorter observed past, never a peek at later
     * interactions, and the subset is the same in every repeat (paired comparisons stay paired).
     */
    public static SampleSet firstFraction(SampleSet train, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new WorkbenchException("A training fraction must be in (0, 1], got " + fraction + ".");
        }
        if (fraction == 1.0) {
            return train;
        }
        Map<Integer, Integer> perConsumer = new HashMap<>();
        for (int c : train.consumers()) {
            perConsumer.merge(c, 1, Integer::sum);
        }
        Map<Integer, Integer> taken = new HashMap<>();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            int c = train.consumers()[i];
            int limit = Math.max(1, (int) Math.ceil(fraction * perConsumer.get(c) - 1e-9));
            if (taken.merge(c, 1, Integer::sum) <= limit) {
                keep.add(i);
            }
        }
        return subset(train, keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The samples a model trains on and the validation part carved from a training set for early stopping. */
    public record Carved(SampleSet train, SampleSet validation) {
    }

    /**
     * Carves the validation part for early stopping out of training samples: for every consumer, the last
     * round(n * fraction) of their n training samples in time order, at most n - 1, so every consumer keeps
     * at least one sample to train on and a consumer with few samples gives none (at 0.1 a consumer needs 5).
     * The validation samples come after the ones trained on, as the test samples come after both.
     * explain.AlignmentSplit repeats this rule (at 0.1) so that best-of-N never reads a validation label: change both.
     */
    public static Carved carveValidation(SampleSet train, double fraction) {
        Map<Integer, Integer> perConsumer = new HashMap<>();
        for (int c : train.consumers()) {
            perConsumer.merge(c, 1, Integer::sum);
        }
        Map<Integer, Integer> seen = new HashMap<>();
        List<Integer> kept = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            int c = train.consumers()[i];
            int n = perConsumer.get(c);
            int held = validationCount(n, fraction);
            (seen.merge(c, 1, Integer::sum) > n - held ? validation : kept).add(i);
        }
        return new Carved(subset(train, kept.stream().mapToInt(Integer::intValue).toArray()),
                subset(train, validation.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** How many of a consumer's {@code n} training samples go to validation: round(n * fraction), at most n - 1. */
    static int validationCount(int n, double fraction) {
        return (int) Math.max(0, Math.min(n - 1, Math.round(n * fraction)));
    }

    /** The samples at the given indices, in that order. */
    public static SampleSet subset(SampleSet s, int[] indices) {
        int n = indices.length;
        int d = s.explanationDim();
        int h = SampleSet.HISTORY;
        long[] ids = new long[n];
        int[] consumers = new int[n];
        int[] products = new int[n];
        int[] history = new int[n * h];
        float[] positive = new float[n * d];
        float[] negative = new float[n * d];
        float[] target = new float[n];
        double[] rating = new double[n];
        for (int i = 0; i < n; i++) {
            int j = indices[i];
            ids[i] = s.sampleIds()[j];
            consumers[i] = s.consumers()[j];
            products[i] = s.products()[j];
            System.arraycopy(s.history(), j * h, history, i * h, h);
            System.arraycopy(s.positive(), j * d, positive, i * d, d);
            System.arraycopy(s.negative(), j * d, negative, i * d, d);
            target[i] = s.target()[j];
            rating[i] = s.rating()[j];
        }
        return new SampleSet(ids, consumers, products, history, positive, negative, d, target, rating);
    }

    /** The same samples with their explanation features taken from another source (e.g. sentence embeddings). */
    public static SampleSet withFeatures(SampleSet s, ExplanationFeatures features, String sourceName) {
        int d = features.dim();
        float[] positive = new float[s.size() * d];
        float[] negative = new float[s.size() * d];
        int missing = 0;
        for (int i = 0; i < s.size(); i++) {
            if (!features.fill(s.sampleIds()[i], positive, i * d, negative, i * d)) {
                missing++;
            }
        }
        if (missing > 0) {
            throw new WorkbenchException(missing + " of " + s.size() + " samples have no " + sourceName
                    + " features although they have explanations.");
        }
        return new SampleSet(s.sampleIds(), s.consumers(), s.products(), s.history(), positive, negative, d,
                s.target(), s.rating());
    }
}
