package dev.lrrecsys.workbench.evaluate;

import java.util.List;

/**
 * Eq. 24 summarised over the repeated runs of one model, so that a reader sees how much of an attention pattern
 * survives a change of seed: mean (sd over runs) of alpha_pos and alpha_neg for high and low samples and of each
 * token's share, and the high-minus-low difference of alpha_pos (low-minus-high of alpha_neg) with the two-sided
 * p-value of the paired t-test over runs (high and low of one run form a pair). One run gives sd 0 and p NaN.
 *
 * @param runs             the per-run summaries, in run order
 * @param highAlphaPos     mean over runs of the high samples' mean alpha_pos; the other fields likewise
 * @param alphaPosGap      high minus low alpha_pos: the paper's direction makes it positive
 * @param alphaNegGap      low minus high alpha_neg: the paper's direction makes it positive
 */
public record AttentionAcrossRuns(List<AttentionSummary> runs, MeanSd highAlphaPos, MeanSd highAlphaNeg,
                                  MeanSd lowAlphaPos, MeanSd lowAlphaNeg, List<MeanSd> shares,
                                  MeanSd explanationShare, Gap alphaPosGap, Gap alphaNegGap, MeanSd rowMax,
                                  MeanSd rowEntropy) {

    /** A mean over runs with its sample standard deviation. */
    public record MeanSd(double mean, double sd) {
        static MeanSd of(double[] values) {
            return new MeanSd(RepeatStatistics.mean(values), RepeatStatistics.sd(values));
        }
    }

    /** A per-run difference summarised over runs, with the paired t-test's p-value (NaN below 2 runs). */
    public record Gap(double mean, double sd, double pValue) {
    }

    public static AttentionAcrossRuns of(List<AttentionSummary> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to summarise");
        }
        double[] highPos = values(runs, AttentionSummary::highAlphaPos);
        double[] highNeg = values(runs, AttentionSummary::highAlphaNeg);
        double[] lowPos = values(runs, AttentionSummary::lowAlphaPos);
        double[] lowNeg = values(runs, AttentionSummary::lowAlphaNeg);
        List<MeanSd> shares = new java.util.ArrayList<>();
        for (int token = 0; token < AttentionSummary.TOKENS.size(); token++) {
            int k = token;
            shares.add(MeanSd.of(values(runs, s -> s.shares()[k])));
        }
        MeanSd explanations = MeanSd.of(values(runs, s -> s.shares()[0] + s.shares()[1]));
        return new AttentionAcrossRuns(List.copyOf(runs), MeanSd.of(highPos), MeanSd.of(highNeg), MeanSd.of(lowPos),
                MeanSd.of(lowNeg), List.copyOf(shares), explanations, gap(highPos, lowPos), gap(lowNeg, highNeg),
                MeanSd.of(values(runs, AttentionSummary::meanRowMax)), MeanSd.of(values(runs, AttentionSummary::meanRowEntropy)));
    }

    private static Gap gap(double[] larger, double[] smaller) {
        double[] difference = new double[larger.length];
        for (int i = 0; i < larger.length; i++) {
            difference[i] = larger[i] - smaller[i];
        }
        return new Gap(RepeatStatistics.mean(difference), RepeatStatistics.sd(difference),
                RepeatStatistics.pairedTTestP(larger, smaller));
    }

    private static double[] values(List<AttentionSummary> runs, java.util.function.ToDoubleFunction<AttentionSummary> f) {
        return runs.stream().mapToDouble(f).toArray();
    }
}
