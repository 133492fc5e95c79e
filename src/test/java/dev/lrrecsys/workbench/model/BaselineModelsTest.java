package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@org.junit.jupiter.api.Tag("slow")
class BaselineModelsTest {

    private static AttributeWorld world;

    @BeforeAll
    static void world() {
        world = new AttributeWorld(40, 30, 15, 7);
    }

    @Test
    void everyBaselineLearnsPredictsInRangeAndReloadsFromItsCheckpoint(@TempDir Path dir) throws Exception {
        for (Supplier<GraphRatingModel> make : List.<Supplier<GraphRatingModel>>of(
                () -> new MatrixFactorisation(), () -> new NeuralCollaborativeFiltering(),
                () -> new SelfAttentiveSequenceModel())) {
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
    void theSameDiffEngineAndTheCpuKernelTrainTheSameModel() {
        for (Supplier<GraphRatingModel> make : List.<Supplier<GraphRatingModel>>of(
                () -> new MatrixFactorisation(), () -> new NeuralCollaborativeFiltering(),
                () -> new SelfAttentiveSequenceModel())) {
            float[][] predicted = new float[2][];
            TrainingEngine[] engines = {TrainingEngine.SAMEDIFF, TrainingEngine.KERNEL};
            for (int run = 0; run < 2; run++) {
                GraphRatingModel model = make.get().usingEngine(engines[run]);
                model.fit(world.train, null, world.settings(PredictionTask.CLASSIFICATION, 2, 5),
                        (e, l, m) -> { }, TaskContext.silent());
                predicted[run] = model.predict(world.test);
            }
            assertThat(predicted[1]).as(make.get().id()).containsExactly(predicted[0], within(1e-4f));
            // Closeness means something only if training moved the predictions much farther than the tolerance.
            GraphRatingModel untrained = make.get();
            untrained.fit(world.train, null, world.settings(PredictionTask.CLASSIFICATION, 0, 5), (e, l, m) -> { },
                    TaskContext.silent());
            float[] before = untrained.predict(world.test);
            float moved = 0f;
            for (int i = 0; i < before.length; i++) {
                moved = Math.max(moved, Math.abs(predicted[1][i] - before[i]));
            }
            assertThat(moved).as(make.get().id() + " moved by training").isGreaterThan(1e-2f);
        }
    }

    @Test
    void aNanLossStopsTrainingWithAClearMessageAndKeepsTheLastGoodWeights() {
        SampleSet train = world.train;
        float[] target = train.target().clone();
        java.util.Arrays.fill(target, Float.NaN);
        SampleSet broken = new SampleSet(train.sampleIds(), train.consumers(), train.products(), train.history(),
                train.positive(), train.negative(), train.explanationDim(), target, train.rating());
        MatrixFactorisation model = new MatrixFactorisation();
        assertThatThrownBy(() -> model.fit(broken, null,
                world.settings(PredictionTask.REGRESSION, 2, 1), (e, l, m) -> { }, TaskContext.silent()))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("Training mf stopped: the loss became NaN at epoch 1, batch 1 (learning rate 0.01 too high, "
                        + "or non-finite inputs). The model keeps the weights of its initialisation.");
        MatrixFactorisation untrained = new MatrixFactorisation();
        untrained.fit(train, null, world.settings(PredictionTask.REGRESSION, 0, 1), (e, l, m) -> { },
                TaskContext.silent());
        assertThat(model.predict(world.test)).containsExactly(untrained.predict(world.test));
    }
}
