package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.store.ReasoningPoolRepository.SampleTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The vectors the reasoning pool compares, all unit length and rating-blind (like the generators, it never
 * reads a rating):
 * <ul>
 *   <li>a product: one-hot over the {@value #MAX_PRODUCT_VALUES} commonest product attribute values;</li>
 *   <li>a consumer's behaviour, from the training split only: the mean product vector of the candidates of the
 *       consumer's training samples plus the history of the consumer's first sample (interactions before any
 *       sample), then the consumer's stated traits (one-hot over the {@value #MAX_TRAIT_VALUES} commonest
 *       consumer attribute values) and the activity log(1 + n) / log(1 + max n) of those n interactions;</li>
 *   <li>a sample (consumer, candidate, history): the consumer's behaviour, the candidate's vector and the mean
 *       vector of the history products, each unit length, weighted equally, plus a small constant component so
 *       that no vector is zero (cosine needs a length).</li>
 * </ul>
 * Test-split samples contribute nothing to any behaviour vector: the pool is built before a model is trained
 * and must not carry the test part into the training inputs.
 */
public final class BehaviourSpace {

    static final int MAX_PRODUCT_VALUES = 64;
    static final int MAX_TRAIT_VALUES = 24;
    private static final float TRAIT_WEIGHT = 0.7f;
    private static final float ACTIVITY_WEIGHT = 0.5f;
    private static final float BIAS = 0.05f;

    private final int productDim;
    private final int consumerDim;
    private final Map<Integer, float[]> products;
    private final Map<Integer, float[]> consumers;
    private final Map<Integer, Integer> trainingInteractions;
    private final float[] noProduct;
    private final float[] noConsumer;

    private BehaviourSpace(int productDim, int consumerDim, Map<Integer, float[]> products, Map<Integer, float[]> consumers,
                           Map<Integer, Integer> trainingInteractions) {
        this.productDim = productDim;
        this.consumerDim = consumerDim;
        this.products = products;
        this.consumers = consumers;
        this.trainingInteractions = trainingInteractions;
        this.noProduct = new float[productDim];
        this.noConsumer = new float[consumerDim];
    }

    /** Builds the space from the samples (training split only for behaviour) and the attribute values. */
    public static BehaviourSpace build(SampleTable samples, Map<Integer, List<String>> productValues,
                                       Map<Integer, List<String>> consumerValues) {
        Map<String, Integer> productVocab = vocabulary(productValues, MAX_PRODUCT_VALUES);
        Map<String, Integer> traitVocab = vocabulary(consumerValues, MAX_TRAIT_VALUES);
        int pDim = Math.max(1, productVocab.size());
        Map<Integer, float[]> products = new HashMap<>();
        productValues.forEach((id, values) -> products.put(id, unit(oneHot(values, productVocab, pDim))));
        // Behaviour: training candidates, plus the history of each consumer's first sample.
        Map<Integer, float[]> sums = new HashMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        Map<Integer, Integer> firstSample = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            int c = samples.consumers()[i];
            Integer f = firstSample.get(c);
            if (f == null || samples.positions()[i] < samples.positions()[f]) {
                firstSample.put(c, i);
            }
            if (samples.training()[i]) {
                add(sums.computeIfAbsent(c, k -> new float[pDim]), products.get(samples.products()[i]));
                counts.merge(c, 1, Integer::sum);
            }
        }
        for (Map.Entry<Integer, Integer> e : firstSample.entrySet()) {
            for (int p : samples.historyOf(e.getValue())) {
                add(sums.computeIfAbsent(e.getKey(), k -> new float[pDim]), products.get(p));
                counts.merge(e.getKey(), 1, Integer::sum);
            }
        }
        int maxCount = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        int tDim = Math.max(1, traitVocab.size());
        int cDim = pDim + tDim + 1;
        Map<Integer, float[]> consumers = new HashMap<>();
        for (Map.Entry<Integer, float[]> e : sums.entrySet()) {
            float[] v = new float[cDim];
            float[] behaviour = unit(e.getValue());
            System.arraycopy(behaviour, 0, v, 0, pDim);
            float[] traits = unit(oneHot(consumerValues.getOrDefault(e.getKey(), List.of()), traitVocab, tDim));
            for (int k = 0; k < tDim; k++) {
                v[pDim + k] = TRAIT_WEIGHT * traits[k];
            }
            v[cDim - 1] = ACTIVITY_WEIGHT * (float) (Math.log1p(counts.get(e.getKey())) / Math.log1p(maxCount));
            consumers.put(e.getKey(), unit(v));
        }
        return new BehaviourSpace(pDim, cDim, products, consumers, counts);
    }

    /** The length of a sample vector. */
    public int dimension() {
        return consumerDim + 2 * productDim + 1;
    }

    /** A consumer's behaviour vector (unit length; zeros for a consumer with no training interactions). */
    public float[] consumer(int consumerId) {
        return consumers.getOrDefault(consumerId, noConsumer);
    }

    /** Interactions of a consumer in the training split (what the long-history bias weighs). */
    public int trainingInteractions(int consumerId) {
        return trainingInteractions.getOrDefault(consumerId, 0);
    }

    /** The unit vector of (consumer behaviour, candidate product, history) that retrieval compares by cosine. */
    public float[] sampleVector(int consumerId, int candidateId, int[] history) {
        float[] v = new float[dimension()];
        float third = (float) (1 / Math.sqrt(3));
        float[] c = consumer(consumerId);
        for (int k = 0; k < consumerDim; k++) {
            v[k] = third * c[k];
        }
        float[] p = products.getOrDefault(candidateId, noProduct);
        for (int k = 0; k < productDim; k++) {
            v[consumerDim + k] = third * p[k];
        }
        float[] h = new float[productDim];
        for (int id : history) {
            add(h, products.get(id));
        }
        h = unit(h);
        for (int k = 0; k < productDim; k++) {
            v[consumerDim + productDim + k] = third * h[k];
        }
        v[v.length - 1] = BIAS;
        return unit(v);
    }

    private static Map<String, Integer> vocabulary(Map<Integer, List<String>> values, int max) {
        Map<String, Integer> freq = new HashMap<>();
        values.values().forEach(list -> list.forEach(v -> freq.merge(v, 1, Integer::sum)));
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(freq.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> vocab = new HashMap<>();
        for (int i = 0; i < Math.min(max, ranked.size()); i++) {
            vocab.put(ranked.get(i).getKey(), i);
        }
        return vocab;
    }

    private static float[] oneHot(List<String> values, Map<String, Integer> vocab, int dim) {
        float[] v = new float[dim];
        for (String s : values) {
            Integer k = vocab.get(s);
            if (k != null) {
                v[k] = 1;
            }
        }
        return v;
    }

    private static void add(float[] sum, float[] v) {
        if (v == null) {
            return;
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] += v[k];
        }
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        if (n == 0) {
            return v;
        }
        float inv = (float) (1 / Math.sqrt(n));
        float[] out = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = v[k] * inv;
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
