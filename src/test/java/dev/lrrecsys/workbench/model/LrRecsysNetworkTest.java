package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LrRecsysNetworkTest {

    private static SampleSet train;
    private static SampleSet test;
    private static LrRecsysNetwork trained;
    private static final List<double[]> epochs = new ArrayList<>();

    @BeforeAll
    static void trainOnce() {
        train = SignalSamples.make(512, 8, 1);
        test = SignalSamples.make(256, 8, 2);
        trained = new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS);
        trained.fit(train, test, SignalSamples.settings(PredictionTask.REGRESSION, 8, 0.02),
                (epoch, loss, metric) -> epochs.add(new double[] {epoch, loss, metric}), TaskContext.silent());
    }

    @Test
    void predictsOneValueInZeroOnePerSample() {
        float[] p = trained.predict(test);
        assertThat(p).hasSize(test.size());
        for (float v : p) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void attentionHasSixBySixRowsSummingToOne() {
        float[] alpha = trained.attention(test);
        assertThat(alpha).hasSize(test.size() * 36);
        for (int row = 0; row < test.size() * 6; row++) {
            double sum = 0;
            for (int j = 0; j < 6; j++) {
                assertThat(alpha[row * 6 + j]).isBetween(0f, 1f);
                sum += alpha[row * 6 + j];
            }
            assertThat(sum).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void reportsEveryEpochAndTheLossFalls() {
        assertThat(epochs).hasSize(8);
        assertThat(epochs.get(7)[1]).isLessThan(epochs.get(0)[1]);
        assertThat(epochs.get(7)[2]).isLessThan(epochs.get(0)[2]);
    }

    @Test
    void learnsASignalCarriedByTheExplanationThatIdOnlyCannotSee() {
        double withExplanations = ValidationMetric.rmse(trained.predict(test), test.target());
        LrRecsysNetwork idOnly = new LrRecsysNetwork(LrRecsysVariant.ID_ONLY);
        idOnly.fit(train, null, SignalSamples.settings(PredictionTask.REGRESSION, 8, 0.02), (e, l, m) -> { },
                TaskContext.silent());
        double withoutExplanations = ValidationMetric.rmse(idOnly.predict(test), test.target());
        // The target is 0.9 or 0.1 from the sign of one explanation feature: chance level RMSE is 0.4.
        assertThat(withoutExplanations).isGreaterThan(0.35);
        assertThat(withExplanations).isLessThan(0.25);
    }

    @Test
    void theSameSeedGivesTheSamePredictions() {
        SampleSet small = SignalSamples.make(128, 8, 3);
        TrainingSettings s = SignalSamples.settings(PredictionTask.CLASSIFICATION, 2, 0.01);
        float[][] runs = new float[2][];
        for (int i = 0; i < 2; i++) {
            LrRecsysNetwork net = new LrRecsysNetwork(LrRecsysVariant.POSITIVE_ONLY);
            net.fit(small, null, s, (e, l, m) -> { }, TaskContext.silent());
            runs[i] = net.predict(test);
        }
        assertThat(runs[0]).containsExactly(runs[1]);
    }

    @Test
    void saveThenLoadGivesIdenticalPredictionsAndAttention(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("models/run-1.lrrecsys");
        trained.save(file);
        LrRecsysNetwork loaded = new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS);
        loaded.load(file);
        assertThat(loaded.predict(test)).containsExactly(trained.predict(test));
        assertThat(loaded.attention(test)).containsExactly(trained.attention(test));
        assertThat(loaded.parameterCount()).isEqualTo(trained.parameterCount());
    }

    @Test
    void loadingAnotherVariantsCheckpointIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.lrrecsys");
        trained.save(file);
        assertThatThrownBy(() -> new LrRecsysNetwork(LrRecsysVariant.ID_ONLY).load(file))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("The checkpoint " + file + " holds a lr-recsys network, not id-only.");
    }

    @Test
    void theSameDiffEngineAndTheCpuKernelTrainTheSameNetwork() {
        SampleSet small = SignalSamples.make(256, 8, 11);
        TrainingSettings s = SignalSamples.settings(PredictionTask.REGRESSION, 2, 0.01);
        TrainingEngine[] engines = {TrainingEngine.SAMEDIFF, TrainingEngine.KERNEL};
        List<List<double[]>> curves = new ArrayList<>();
        LrRecsysNetwork[] nets = new LrRecsysNetwork[2];
        for (int run = 0; run < 2; run++) {
            List<double[]> curve = new ArrayList<>();
            nets[run] = new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS).usingEngine(engines[run]);
            nets[run].fit(small, test, s, (e, l, m) -> curve.add(new double[] {l, m}), TaskContext.silent());
            curves.add(curve);
        }
        // Two epochs of four batches: eight Adam steps on each engine from the same initial weights.
        assertThat(curves.get(1)).hasSize(2);
        for (int epoch = 0; epoch < 2; epoch++) {
            assertThat(curves.get(1).get(epoch)[0]).as("training loss, epoch " + (epoch + 1))
                    .isCloseTo(curves.get(0).get(epoch)[0], within(1e-5));
            assertThat(curves.get(1).get(epoch)[1]).as("validation RMSE, epoch " + (epoch + 1))
                    .isCloseTo(curves.get(0).get(epoch)[1], within(1e-5));
        }
        assertThat(nets[1].predict(test)).containsExactly(nets[0].predict(test), within(1e-5f));
        KernelTest.assertClose("attention", nets[1].attention(test), nets[0].attention(test));
        // Closeness means something only if training moved the predictions much farther than the tolerance.
        LrRecsysNetwork untrained = new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS);
        untrained.fit(small, null, SignalSamples.settings(PredictionTask.REGRESSION, 0, 0.01), (e, l, m) -> { },
                TaskContext.silent());
        float[] before = untrained.predict(test);
        float[] after = nets[0].predict(test);
        double moved = 0;
        for (int i = 0; i < before.length; i++) {
            moved = Math.max(moved, Math.abs(after[i] - before[i]));
        }
        assertThat(moved).isGreaterThan(1e-2);
    }

    @Test
    void aNanLossStopsTrainingWithAClearMessageAndKeepsTheLastGoodWeights() {
        SampleSet poisoned = SignalSamples.make(128, 8, 5);
        Arrays.fill(poisoned.positive(), Float.NaN);
        TrainingSettings s = SignalSamples.settings(PredictionTask.REGRESSION, 3, 0.01);
        LrRecsysNetwork net = new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS);
        assertThatThrownBy(() -> net.fit(poisoned, null, s, (e, l, m) -> { }, TaskContext.silent()))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("Training lr-recsys stopped: the loss became NaN at epoch 1, batch 1 (learning rate 0.01 "
                        + "too high, or non-finite inputs). The model keeps the weights of its initialisation.");
        LrRecsysNetwork untrained = new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS);
        untrained.fit(poisoned, null, SignalSamples.settings(PredictionTask.REGRESSION, 0, 0.01), (e, l, m) -> { },
                TaskContext.silent());
        assertThat(net.predict(test)).containsExactly(untrained.predict(test));
    }

    @Test
    void fewerSamplesThanABatchIsRefused() {
        SampleSet tiny = SignalSamples.make(10, 8, 6);
        assertThatThrownBy(() -> new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS).fit(tiny, null,
                SignalSamples.settings(PredictionTask.REGRESSION, 1, 0.01), (e, l, m) -> { }, TaskContext.silent()))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("Training lr-recsys needs at least one full batch: 10 training samples, batch size 64.");
    }

    @Test
    void explanationVariantsRefuseSamplesWithoutFeatures() {
        SampleSet bare = SignalSamples.make(128, 8, 9);
        SampleSet none = new SampleSet(bare.sampleIds(), bare.consumers(), bare.products(), bare.history(),
                new float[0], new float[0], 0, bare.target(), bare.rating());
        TrainingSettings s = SignalSamples.settings(PredictionTask.REGRESSION, 1, 0.01);
        assertThatThrownBy(() -> new LrRecsysNetwork(LrRecsysVariant.POSITIVE_ONLY).fit(none, null, s, (e, l, m) -> { },
                TaskContext.silent()))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("positive-only needs explanation features, and the samples have none: train the explanation "
                        + "autoencoder first, or choose id-only.");
        LrRecsysNetwork idOnly = new LrRecsysNetwork(LrRecsysVariant.ID_ONLY);
        idOnly.fit(none, null, s, (e, l, m) -> { }, TaskContext.silent());
        assertThat(idOnly.predict(none)).hasSize(128);
    }

    @Test
    void wideSentenceEmbeddingsAreProjectedToEight() {
        SampleSet wide = SignalSamples.make(128, 384, 7);
        LrRecsysNetwork net = new LrRecsysNetwork("lr-recsys-minilm", LrRecsysVariant.LR_RECSYS);
        net.fit(wide, null, SignalSamples.settings(PredictionTask.CLASSIFICATION, 1, 0.01), (e, l, m) -> { },
                TaskContext.silent());
        assertThat(net.predict(SignalSamples.make(5, 384, 8))).hasSize(5);
        LrRecsysNetwork narrow = new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS);
        narrow.fit(SignalSamples.make(128, 8, 7), null, SignalSamples.settings(PredictionTask.CLASSIFICATION, 1, 0.01),
                (e, l, m) -> { }, TaskContext.silent());
        assertThat(net.parameterCount() - narrow.parameterCount()).isEqualTo(2L * 384 * 8);
    }
}
