package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.ExperimentRepository.AttentionRow;

import java.util.List;

/**
 * Attention value analysis (PRODUCT.md step 5, Eq. 24): mean alpha_pos and alpha_neg over high-rated and
 * over low-rated test samples, and each token's share of all attention.
 *
 * @param shares mean over samples of the column means, tokens [pos, neg, consumer, product, sequence, context]
 */
public record AttentionSummary(int highCount, double highAlphaPos, double highAlphaNeg,
                               int lowCount, double lowAlphaPos, double lowAlphaNeg, double[] shares) {

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
        }
        for (int k = 0; k < 6; k++) {
            shares[k] = rows.isEmpty() ? Double.NaN : shares[k] / rows.size();
        }
        return new AttentionSummary(high, high == 0 ? Double.NaN : highPos / high, high == 0 ? Double.NaN : highNeg / high,
                low, low == 0 ? Double.NaN : lowPos / low, low == 0 ? Double.NaN : lowNeg / low, shares);
    }
}
