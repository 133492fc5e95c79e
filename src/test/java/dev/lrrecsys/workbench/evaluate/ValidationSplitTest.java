package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.model.SampleSet;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The validation part carved from each consumer's training samples: how many, and which. */
class ValidationSplitTest {

    /** Consumer c has counts[c] samples in time order; sample ids are c*100 + position. */
    private static SampleSet samples(int... counts) {
        int n = IntStream.of(counts).sum();
        long[] ids = new long[n];
        int[] consumers = new int[n];
        int at = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int k = 0; k < counts[c]; k++) {
                ids[at] = c * 100L + k;
                consumers[at++] = c;
            }
        }
        return new SampleSet(ids, consumers, new int[n], new int[n * SampleSet.HISTORY], new float[0], new float[0], 0,
                new float[n], new double[n]);
    }

    @Test
    void eachConsumerGivesItsLastRoundedShareAndKeepsAtLeastOneToTrainOn() {
        SampleSetLoader.Carved carved = SampleSetLoader.carveValidation(samples(4, 5, 6, 20, 1), 0.1);

        // round(4 x 0.1) = 0, round(5 x 0.1) = 1, round(6 x 0.1) = 1, round(20 x 0.1) = 2, one sample: none
        assertThat(carved.validation().sampleIds()).containsExactly(104, 205, 318, 319);
        assertThat(carved.train().size()).isEqualTo(36 - 4);
        assertThat(carved.train().sampleIds()).contains(0, 100, 103, 200, 204, 300, 317, 400);
    }

    @Test
    void theShareIsCappedSoEveryConsumerTrainsOnOneAndZeroCarvesNothing() {
        assertThat(SampleSetLoader.carveValidation(samples(2, 3), 0.5).validation().sampleIds())
                .containsExactly(1, 101, 102);
        assertThat(SampleSetLoader.carveValidation(samples(2, 3), 0.0).validation().size()).isZero();
        assertThat(SampleSetLoader.validationCount(1, 0.5)).isZero();
        assertThat(SampleSetLoader.validationCount(3, 0.5)).isEqualTo(2);
    }
}
