package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Honesty checks on a world whose explanations carry the true drivers of each rating: a model reading
 * them beats the same model without them, and shuffling explanations across samples removes most of
 * that gain (the gain comes from the content matched to the sample, not from extra capacity).
 */
class ExplanationSignalTest {

    @Test
    void explanationsHelpOnlyWhenTheyBelongToTheirSample() {
        AttributeWorld world = new AttributeWorld(50, 40, 16, 21);
        TrainingSettings settings = world.settings(PredictionTask.REGRESSION, 8, 4);
        Supplier<GraphRatingModel> model = () -> new NeuralCollaborativeFiltering();

        double withExplanations = rmse(model.get(), world.train, world.test, settings);
        double without = rmse(model.get(), zeroExplanations(world.train), zeroExplanations(world.test), settings);
        double shuffled = rmse(model.get(), SampleSetLoader.shuffledExplanations(world.train, 1),
                SampleSetLoader.shuffledExplanations(world.test, 2), settings);

        double gain = without - withExplanations;
        assertThat(gain).as("RMSE gain from explanations (with %.4f, without %.4f)", withExplanations, without)
                .isGreaterThan(0.02);
        assertThat(without - shuffled).as("gain left after shuffling (shuffled %.4f)", shuffled).isLessThan(gain / 2);
    }

    private static double rmse(GraphRatingModel m, SampleSet train, SampleSet test, TrainingSettings settings) {
        m.fit(train, null, settings, (e, l, v) -> { }, TaskContext.silent());
        float[] p = m.predict(test);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += (p[i] - test.target()[i]) * (p[i] - test.target()[i]);
        }
        return Math.sqrt(sum / p.length);
    }

    private static SampleSet zeroExplanations(SampleSet s) {
        return new SampleSet(s.sampleIds(), s.consumers(), s.products(), s.history(), new float[s.positive().length],
                new float[s.negative().length], s.explanationDim(), s.target(), s.rating());
    }
}
