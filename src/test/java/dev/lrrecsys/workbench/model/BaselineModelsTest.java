package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BaselineModelsTest {

    private static final GraphRatingModel.ValidationScore RMSE = (task, predicted, target) -> {
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            sum += (predicted[i] - target[i]) * (predicted[i] - target[i]);
        }
        return Math.sqrt(sum / predicted.length);
    };

    private static SyntheticSamples world;

    @BeforeAll
    static void world() {
        world = new SyntheticSamples(40, 30, 15, 7);
    }

    @Test
    void everyBaselineLearnsPredictsInRangeAndReloadsFromItsCheckpoint(@TempDir Path dir) throws Exception {
        for (Supplier<GraphRatingModel> make : List.<Supplier<GraphRatingModel>>of(
                () -> new MatrixFactorisation(RMSE), () -> new NeuralCollaborativeFiltering(RMSE),
                () -> new SelfAttentiveSequenceModel(RMSE))) {
            GraphRatingModel model = make.get();
            List<double[]> curve = new ArrayList<>();
            model.fit(world.train, world.test, world.settings(PredictionTask.REGRESSION, 4, 3),
                    (epoch, loss, metric) -> curve.add(new double[] {loss, metric}), TaskContext.silent());
            assertThat(curve).as(model.id()).hasSize(4);
            assertThat(curve.get(3)[0]).as(model.id() + " loss falls").isLessThan(curve.get(0)[0]);
            float[] predicted = model.predict(world.test);
            assertThat(predicted).hasSize(world.test.size());
            for (float p : predicted) {
                assertThat(p).isBetween(0f, 1f);
            }
            Path file = dir.resolve(model.id() + ".sd");
            model.save(file);
            GraphRatingModel reloaded = make.get();
            reloaded.load(file);
            assertThat(reloaded.predict(world.test)).containsExactly(predicted, within(1e-6f));
        }
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        float[][] runs = new float[2][];
        for (int k = 0; k < 2; k++) {
            GraphRatingModel model = new NeuralCollaborativeFiltering(RMSE);
            model.fit(world.train, null, world.settings(PredictionTask.CLASSIFICATION, 2, 11), (e, l, m) -> { },
                    TaskContext.silent());
            runs[k] = model.predict(world.test);
        }
        assertThat(runs[1]).containsExactly(runs[0]);
    }
}
