package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.ExperimentRepository.AttentionRow;

import java.util.List;

/**
 * The paper's Figure 7 as numbers: distributions of alpha_pos and alpha_neg over one run's test samples, for
 * high-rated and for low-rated samples separately, on shared bins so the panels compare.
 *
 * @param edges  bin edges (bins + 1 values), the last bin closed on the right
 * @param counts [group high=0 / low=1][side pos=0 / neg=1][bin]
 */
public record AttentionHistograms(double[] edges, long[][][] counts, int high, int low) {

    public static final int HIGH = 0;
    public static final int LOW = 1;
    public static final int POS = 0;
    public static final int NEG = 1;

    public static AttentionHistograms of(List<AttentionRow> rows, DatasetInfo dataset, int bins) {
        double max = 0;
        for (AttentionRow r : rows) {
            max = Math.max(max, Math.max(r.alphaPos(), r.alphaNeg()));
        }
        // Round the range up to a tenth so bin edges are readable; attention weights are at most 1.
        double top = Math.min(1.0, Math.max(0.1, Math.ceil(max * 10) / 10));
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = top * i / bins;
        }
        long[][][] counts = new long[2][2][bins];
        int high = 0;
        int low = 0;
        for (AttentionRow r : rows) {
            int g = dataset.isHigh(r.rating()) ? HIGH : LOW;
            if (g == HIGH) {
                high++;
            } else {
                low++;
            }
            counts[g][POS][bin(r.alphaPos(), top, bins)]++;
            counts[g][NEG][bin(r.alphaNeg(), top, bins)]++;
        }
        return new AttentionHistograms(edges, counts, high, low);
    }

    static int bin(double v, double top, int bins) {
        return Math.max(0, Math.min(bins - 1, (int) Math.floor(v / top * bins)));
    }

    public int bins() {
        return edges.length - 1;
    }
}
