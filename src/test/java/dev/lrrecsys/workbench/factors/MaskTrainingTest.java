package dev.lrrecsys.workbench.factors;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ConciseExplain's synthetic check, on binary factors: price and its exact twin, quality that merely follows
 * price, and colour; the rating depends on price and colour only. The gates must keep one price, colour, and
 * neither the twin as well nor the spurious quality.
 */
class MaskTrainingTest {

    private static final int PRICE = 0;
    private static final int TWIN = 1;
    private static final int QUALITY = 2;
    private static final int COLOUR = 3;

    private static MaskTraining.Data world(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<int[]> active = new ArrayList<>();
        double[] rating = new double[n];
        for (int i = 0; i < n; i++) {
            boolean price = r.nextDouble() < 0.5;
            boolean quality = r.nextDouble() < (price ? 0.7 : 0.3);
            boolean colour = r.nextDouble() < 0.5;
            List<Integer> on = new ArrayList<>();
            if (price) {
                on.add(PRICE);
                on.add(TWIN);
            }
            if (quality) {
                on.add(QUALITY);
            }
            if (colour) {
                on.add(COLOUR);
            }
            active.add(on.stream().mapToInt(Integer::intValue).toArray());
            rating[i] = 3 - 1.2 * (price ? 1 : 0) + 0.5 * (colour ? 1 : 0) + r.nextGaussian() * 0.3;
        }
        return new MaskTraining.Data(active.toArray(new int[0][]), rating);
    }

    @Test
    void keepsOnePriceAndColourButNotTheTwinTooNorTheSpuriousQuality() {
        MaskTraining.Data train = world(4000, 1);
        MaskTraining.Data validation = world(1000, 2);
        MaskTraining t = new MaskTraining(4, 7, () -> { });
        int[] support = t.support(train);
        MaskTraining.Outcome model = t.trainModel(train);
        List<MaskTraining.Trial> trials = new ArrayList<>();
        List<MaskTraining.Outcome> outcomes = new ArrayList<>();
        for (double penalty : MaskTraining.PENALTIES) {
            MaskTraining.Outcome o = t.mergeTwins(t.trainGates(model, train, penalty, support), train, support);
            outcomes.add(o);
            trials.add(new MaskTraining.Trial(penalty, MaskTraining.rmse(o, validation), o.kept()));
        }
        MaskTraining.Outcome chosen = outcomes.get(MaskTraining.choose(trials));
        double[] g = chosen.gate();
        assertThat(g[PRICE] > 0.5 ^ g[TWIN] > 0.5).as("exactly one of the price twins: %s", java.util.Arrays.toString(g)).isTrue();
        assertThat(g[COLOUR]).isGreaterThan(0.5);
        assertThat(g[QUALITY]).isLessThan(0.5);
        assertThat(chosen.effect()[g[PRICE] > 0.5 ? PRICE : TWIN] * 1).isNegative();
        assertThat(MaskTraining.rmse(chosen, validation)).isLessThan(0.4);
    }
}
