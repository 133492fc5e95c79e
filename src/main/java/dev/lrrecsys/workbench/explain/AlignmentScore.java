package dev.lrrecsys.workbench.explain;

/**
 * The two ExpCTR-style alignment figures of one explanation pair (docs/alignment.md), all on the [0,1]
 * rating scale:
 * <ul>
 *   <li>LC = 1 - |probe - rating|: how close what the pair alone predicts comes to the observed rating
 *       (1 = exact, 0 = as wrong as possible);</li>
 *   <li>IC = 2 dp di / (dp^2 + di^2 + EPSILON), dp = probe - mean, di = idOnly - mean: whether the pair pushes
 *       the prediction the way the ID-only model does, and as far (1 = same direction and size, 0 = one of them
 *       does not move or they are orthogonal, -1 = equal and opposite).</li>
 * </ul>
 */
public record AlignmentScore(double probePrediction, double idPrediction, double lc, double ic) {

    /** Deviations below about 0.01 of the scale count as no push (keeps IC defined when both are near zero). */
    static final double EPSILON = 1e-4;

    public static double lc(double probe, double target) {
        return 1 - Math.abs(probe - target);
    }

    public static double ic(double probe, double idOnly, double mean) {
        double dp = probe - mean;
        double di = idOnly - mean;
        return 2 * dp * di / (dp * dp + di * di + EPSILON);
    }

    public static AlignmentScore of(double probe, double idOnly, double mean, double target) {
        return new AlignmentScore(probe, idOnly, lc(probe, target), ic(probe, idOnly, mean));
    }
}
