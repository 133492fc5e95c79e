package dev.lrrecsys.workbench.explain;

import java.util.HashMap;
import java.util.Map;

/**
 * Which training samples the alignment probes are fitted on and which are held out to choose the probe's
 * penalty and stop the ID-only model: per consumer, the last round(n * 0.1) of n training samples in time
 * order (at most n - 1), the same rule and default fraction as the experiments' validation part
 * (SampleSetLoader.carveValidation), so that best-of-N never reads the label of a sample an experiment
 * validates or tests on.
 */
final class AlignmentSplit {

    static final double VALIDATION_FRACTION = 0.1;

    private AlignmentSplit() {
    }

    /**
     * @param consumers consumer of each sample, samples in consumer then time order
     * @param test      whether each sample is in the test split
     * @return per sample: 0 fitted on, 1 validation, 2 test
     */
    static byte[] roles(int[] consumers, boolean[] test) {
        Map<Integer, Integer> trainCount = new HashMap<>();
        for (int i = 0; i < consumers.length; i++) {
            if (!test[i]) {
                trainCount.merge(consumers[i], 1, Integer::sum);
            }
        }
        Map<Integer, Integer> seen = new HashMap<>();
        byte[] roles = new byte[consumers.length];
        for (int i = 0; i < consumers.length; i++) {
            if (test[i]) {
                roles[i] = 2;
                continue;
            }
            int n = trainCount.get(consumers[i]);
            int held = (int) Math.max(0, Math.min(n - 1, Math.round(n * VALIDATION_FRACTION)));
            roles[i] = (byte) (seen.merge(consumers[i], 1, Integer::sum) > n - held ? 1 : 0);
        }
        return roles;
    }
}
