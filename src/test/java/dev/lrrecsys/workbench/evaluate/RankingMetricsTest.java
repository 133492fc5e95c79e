package dev.lrrecsys.workbench.evaluate;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class RankingMetricsTest {

    @Test
    void theRelevantProductsRankCountsEveryCandidateScoredHigherOrEqual() {
        float[] scores = {
                0.9f, 0.1f, 0.2f, 0.3f,      // first: rank 1
                0.5f, 0.6f, 0.5f, 0.1f,      // a higher one and a tie: rank 3
                0.2f, 0.2f, 0.2f, 0.2f,      // a model that scores everything alike: last
                Float.NaN, 0.1f, 0.2f, 0.3f  // NaN: last
        };
        assertThat(RankingMetrics.ranks(scores, 4)).containsExactly(1, 3, 4, 4);
        assertThatThrownBy(() -> RankingMetrics.ranks(new float[5], 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("5 scores do not make groups of 4");
    }

    @Test
    void hitRateAndNdcgAtEachCutoff() {
        int[] ranks = {1, 3, 7, 12, 100};
        Map<String, Double> m = RankingMetrics.of(ranks);
        assertThat(m.keySet()).containsExactly("HR@5", "HR@10", "HR@20", "NDCG@5", "NDCG@10", "NDCG@20");
        assertThat(m.get("HR@5")).isEqualTo(0.4);
        assertThat(m.get("HR@10")).isEqualTo(0.6);
        assertThat(m.get("HR@20")).isEqualTo(0.8);
        double log2 = Math.log(2);
        double rank1 = 1;
        double rank3 = log2 / Math.log(4);
        double rank7 = log2 / Math.log(8);
        double rank12 = log2 / Math.log(13);
        assertThat(m.get("NDCG@5")).isCloseTo((rank1 + rank3) / 5, offset(1e-12));
        assertThat(m.get("NDCG@10")).isCloseTo((rank1 + rank3 + rank7) / 5, offset(1e-12));
        assertThat(m.get("NDCG@20")).isCloseTo((rank1 + rank3 + rank7 + rank12) / 5, offset(1e-12));
        assertThat(RankingMetrics.hitRate(new int[0], 10)).isNaN();
    }

    @Test
    void candidatesAreDrawnWithoutReplacementFromTheGivenProductsAndTheSameForTheSameSeedAndSample() {
        int[] products = new int[150];
        for (int i = 0; i < products.length; i++) {
            products[i] = 1000 + 2 * i;
        }
        int[] first = RankingCandidates.sample(products, 99, 42, 7);
        assertThat(first).hasSize(99).doesNotHaveDuplicates();
        assertThat(java.util.Arrays.stream(first).boxed().toList())
                .isSubsetOf(java.util.Arrays.stream(products).boxed().toList());
        assertThat(RankingCandidates.sample(products, 99, 42, 7)).containsExactly(first);
        assertThat(RankingCandidates.sample(products, 99, 42, 8)).isNotEqualTo(first);
        assertThat(RankingCandidates.sample(products, 99, 43, 7)).isNotEqualTo(first);
        assertThat(products[0]).isEqualTo(1000);
    }
}
