package dev.lrrecsys.workbench.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hit rate and NDCG at K of leave-one-out ranking: each group of scores holds the held-out (relevant) product
 * first and the sampled products after it. The relevant product's rank is 1 + the number of candidates scored
 * higher or equal (ties count against it, so a model that scores everything alike earns nothing); a hit at K
 * is rank &lt;= K and its NDCG is 1 / log2(rank + 1), 0 beyond K (one relevant item, so the ideal DCG is 1).
 */
public final class RankingMetrics {

    /** The cut-offs reported. */
    public static final List<Integer> CUTOFFS = List.of(5, 10, 20);
    /** Metric names in table order: HR@5, HR@10, HR@20, NDCG@5, NDCG@10, NDCG@20. */
    public static final List<String> NAMES = List.of("HR@5", "HR@10", "HR@20", "NDCG@5", "NDCG@10", "NDCG@20");

    private RankingMetrics() {
    }

    /**
     * The relevant product's rank in each group of {@code groupSize} scores (the relevant one first in each).
     */
    public static int[] ranks(float[] scores, int groupSize) {
        if (groupSize < 1 || scores.length % groupSize != 0) {
            throw new IllegalArgumentException(scores.length + " scores do not make groups of " + groupSize);
        }
        int[] ranks = new int[scores.length / groupSize];
        for (int g = 0; g < ranks.length; g++) {
            int from = g * groupSize;
            float relevant = scores[from];
            int rank = 1;
            for (int j = from + 1; j < from + groupSize; j++) {
                // NaN compares false: a NaN candidate never outranks, a NaN relevant score loses to all below.
                if (!(scores[j] < relevant)) {
                    rank++;
                }
            }
            ranks[g] = rank;
        }
        return ranks;
    }

    /** HR@K and NDCG@K for K in 5, 10, 20, averaged over the groups, by {@link #NAMES}. */
    public static Map<String, Double> of(int[] ranks) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k : CUTOFFS) {
            out.put("HR@" + k, hitRate(ranks, k));
        }
        for (int k : CUTOFFS) {
            out.put("NDCG@" + k, ndcg(ranks, k));
        }
        return out;
    }

    public static double hitRate(int[] ranks, int k) {
        if (ranks.length == 0) {
            return Double.NaN;
        }
        int hits = 0;
        for (int r : ranks) {
            if (r <= k) {
                hits++;
            }
        }
        return (double) hits / ranks.length;
    }

    public static double ndcg(int[] ranks, int k) {
        if (ranks.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int r : ranks) {
            if (r <= k) {
                sum += 1 / (Math.log(r + 1) / Math.log(2));
            }
        }
        return sum / ranks.length;
    }
}
