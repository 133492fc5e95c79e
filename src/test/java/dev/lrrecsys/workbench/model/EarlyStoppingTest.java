package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The epoch loop's early stopping: when it stops, which epoch it keeps, and that patience 0 trains every epoch. */
class EarlyStoppingTest {

    /** One weight that counts the epochs trained: after epoch e it holds e. */
    private static final class Counter extends EpochLoop.InPlace {
        private final INDArray weight;
        private final int batchesPerEpoch;
        private int batches;

        Counter(INDArray weight, int batchesPerEpoch) {
            super(() -> Map.of("w", weight));
            this.weight = weight;
            this.batchesPerEpoch = batchesPerEpoch;
        }

        @Override
        public double step(int[] order, int from, int size) {
            batches++;
            weight.assign((double) batches / batchesPerEpoch);
            return 0.1;
        }
    }

    private static DoubleSupplier script(double... metrics) {
        int[] epoch = {0};
        return () -> metrics[epoch[0]++];
    }

    private static int train(Counter engine, int epochs, DoubleSupplier validation, EpochLoop.Stopping stopping,
                             List<Integer> reported) {
        return new EpochLoop("test", epochs, 4, 1, 0.01, true).run(engine, 8, validation, stopping,
                (epoch, loss, metric) -> reported.add(epoch), TaskContext.silent());
    }

    @Test
    void stopsAfterPatienceEpochsWithoutALowerRmseAndKeepsTheBestEpochsWeights() {
        INDArray weight = Nd4j.zeros(1);
        List<Integer> reported = new ArrayList<>();
        int used = train(new Counter(weight, 2), 10, script(0.5, 0.4, 0.45, 0.41, 0.3, 0.2),
                EpochLoop.Stopping.of(PredictionTask.REGRESSION, 2), reported);

        assertThat(reported).containsExactly(1, 2, 3, 4);
        assertThat(used).isEqualTo(2);
        assertThat(weight.getDouble(0)).isEqualTo(2.0);
    }

    @Test
    void aucIsBetterHigher() {
        INDArray weight = Nd4j.zeros(1);
        List<Integer> reported = new ArrayList<>();
        int used = train(new Counter(weight, 2), 5, script(0.6, 0.7, 0.65, 0.8, 0.75),
                EpochLoop.Stopping.of(PredictionTask.CLASSIFICATION, 3), reported);

        assertThat(reported).containsExactly(1, 2, 3, 4, 5);
        assertThat(used).isEqualTo(4);
        assertThat(weight.getDouble(0)).isEqualTo(4.0);
    }

    @Test
    void patienceZeroOrNoValidationTrainsEveryEpochAndKeepsTheLast() {
        INDArray weight = Nd4j.zeros(1);
        List<Integer> reported = new ArrayList<>();
        int used = train(new Counter(weight, 2), 4, script(0.1, 0.2, 0.3, 0.4),
                EpochLoop.Stopping.of(PredictionTask.REGRESSION, 0), reported);
        assertThat(used).isEqualTo(4);
        assertThat(weight.getDouble(0)).isEqualTo(4.0);

        INDArray other = Nd4j.zeros(1);
        int withoutValidation = train(new Counter(other, 2), 3, () -> Double.NaN,
                EpochLoop.Stopping.of(PredictionTask.REGRESSION, 1), new ArrayList<>());
        assertThat(withoutValidation).isEqualTo(3);
        assertThat(other.getDouble(0)).isEqualTo(3.0);
    }
}
