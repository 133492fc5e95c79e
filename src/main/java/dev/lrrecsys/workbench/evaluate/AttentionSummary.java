package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.ExperimentRepository.AttentionRow;

import java.util.List;

/**
 * Attention value analysis (PRODUCT.md step 5, Eq. 24): mean alpha_pos and alpha_neg over high-rated and
 * over low-rated test samples, and each token's share of all attention.
 *
 * @param shares        mean over samples of the column means, tokens [pos, neg, consumer, product, sequence, context]
 * @param meanRowMax    how concentrated each sample's attention is: the largest weight of each row, averaged over
 *                      rows and samples (1/6 when every row is uniform, 1 when each row looks at one token)
 * @param meanRowEntropy the entropy (nats) of each row, averaged over rows and samples (ln 6 = 1.792 when uniform)
 */
public record AttentionSummary(int highCount, double highAlphaPos, double highAlphaNeg,
                               int lowCount, double lowAlphaPos, double lowAlphaNeg, double[] shares,
                               double meanRowMax, double meanRowEntropy) {

    /** A uniform row's entropy: shares near 1/6 with a row entropy well below it mean peaked rows that cancel out. */
    public static final double UNIFORM_ROW_ENTROPY = Math.log(6);

    public static final List<String> TOKENS = List.of("positive explanation", "negative explanation", "consumer",
            "product", "sequence", "context");

    public static AttentionSummary of(List<AttentionRow> rows, DatasetInfo dataset) {
        int high = 0;
        int low = 0;
        double highPos = 0;
        double highNeg = 0;
        double lowPos = 0;
        double lowNeg = 0;
        double[] shares = new double[6];
        double rowMax = 0;
        double rowEntropy = 0;
        for (AttentionRow r : rows) {
            if (dataset.isHigh(r.rating())) {
                high++;
                highPos += r.alphaPos();
                highNeg += r.alphaNeg();
            } else {
                low++;
                lowPos += r.alphaPos();
                lowNeg += r.alphaNeg();
            }
            for (int column = 0; column < 6; column++) {
                double sum = 0;
                for (int row = 0; row < 6; row++) {
                    sum += r.weights()[row * 6 + column];
                }
                shares[column] += sum / 6;
            }
            for (int row = 0; row < 6; row++) {
                double max = 0;
                double entropy = 0;
                for (int column = 0; column < 6; column++) {
                    double w = r.weights()[row * 6 + column];
                    max = Math.max(max, w);
                    entropy -= w > 0 ? w * Math.log(w) : 0;
                }
                rowMax += max / 6;
                rowEntropy += entropy / 6;
            }
        }
        for (int k = 0; k < 6; k++) {
            shares[k] = rows.isEmpty() ? Double.NaN : shares[k] / rows.size();
        }
        double n = rows.isEmpty() ? Double.NaN : rows.size();
        return new AttentionSummary(high, high == 0 ? Double.NaN : highPos / high, high == 0 ? Double.NaN : highNeg / high,
                low, low == 0 ? Double.NaN : lowPos / low, low == 0 ? Double.NaN : lowNeg / low, shares,
                rowMax / n, rowEntropy / n);
    }
}
