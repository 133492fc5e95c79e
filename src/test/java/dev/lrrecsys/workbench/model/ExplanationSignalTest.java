package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Honesty checks on a world whose explanations carry the true drivers of each rating: LR-Recsys beats its
 * ID-only ablation (same network, learned vectors in the explanation slots), and shuffling explanations
 * across samples removes most of that gain, so the gain comes from explanations matched to their sample,
 * not from capacity.
 */
class ExplanationSignalTest {

    @Test
    void lrRecsysBeatsIdOnlyOnlyWhileExplanationsBelongToTheirSample() {
        AttributeWorld world = new AttributeWorld(50, 40, 16, 21);
        TrainingSettings settings = world.settings(PredictionTask.REGRESSION, 8, 4);

        double lrRecsys = rmse(new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS), world.train, world.test, settings);
        double idOnly = rmse(new LrRecsysNetwork(LrRecsysVariant.ID_ONLY), world.train, world.test, settings);
        double shuffled = rmse(new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS),
                world.train.shuffledExplanations(1), world.test.shuffledExplanations(2),
                settings);

        double gain = idOnly - lrRecsys;
        assertThat(gain).as("RMSE gain of lr-recsys %.4f over id-only %.4f", lrRecsys, idOnly).isGreaterThan(0.02);
        assertThat(idOnly - shuffled).as("gain left after shuffling (shuffled %.4f)", shuffled).isLessThan(gain / 2);
    }

    private static double rmse(RatingModel m, SampleSet train, SampleSet test, TrainingSettings settings) {
        m.fit(train, null, settings, (e, l, v) -> { }, TaskContext.silent());
        float[] p = m.predict(test);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += (p[i] - test.target()[i]) * (p[i] - test.target()[i]);
        }
        return Math.sqrt(sum / p.length);
    }
}
