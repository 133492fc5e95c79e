package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.model.SampleSet;
import dev.lrrecsys.workbench.store.StoredSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuilt permutation is the one ExperimentJob applies: each split (training part, validation part, test) made as
 * the experiment makes it, with a code that names its sample, shuffled by {@link SampleSet#shuffledExplanations},
 * carries in each sample's place the code of the sample the rebuilt map names.
 */
class ShuffledExplanationSourcesTest {

    @Test
    void eachSampleGetsTheCodesTheControlGaveIt() {
        List<StoredSample> rows = new ArrayList<>();
        Set<Long> withPair = new HashSet<>();
        long id = 1;
        for (int c = 0; c < 15; c++) {
            int n = 4 + c % 7;
            for (int k = 0; k < n; k++) {
                rows.add(new StoredSample(id, 100 + c, k, 3, k, new int[] {-1, -1, -1, -1, -1}, k == n - 1));
                if (id % 9 != 0) {
                    withPair.add(id);
                }
                id++;
            }
        }
        for (double fraction : new double[] {1.0, 0.5}) {
            long seed = 43;
            Map<Long, Long> sources = ShuffledExplanationSources.of(rows, withPair, fraction, 0.1, seed);
            Map<Long, Long> control = controlAsTheExperimentRunsIt(rows, withPair, fraction, 0.1, seed);
            assertThat(sources).isEqualTo(control);
            assertThat(sources.keySet()).allMatch(withPair::contains).doesNotContain(9L, 18L);
            assertThat(sources.entrySet().stream().filter(e -> !e.getKey().equals(e.getValue())).count())
                    .isGreaterThan(sources.size() / 2);
            // Test samples are permuted among test samples only.
            assertThat(rows.stream().filter(s -> s.test() && sources.containsKey(s.id())))
                    .allMatch(s -> rows.stream().anyMatch(o -> o.id() == sources.get(s.id()) && o.test()));
        }
        long test = rows.stream().filter(s -> s.test() && withPair.contains(s.id())).count();
        assertThat(ShuffledExplanationSources.testSamples(rows, withPair)).isEqualTo(test);
    }

    /** ExperimentJob's steps on sets whose one-dimensional code is the sample's own id. */
    private static Map<Long, Long> controlAsTheExperimentRunsIt(List<StoredSample> rows, Set<Long> withPair, double fraction,
                                                               double validation, long seed) {
        List<StoredSample> train = rows.stream().filter(s -> !s.test() && withPair.contains(s.id())).toList();
        List<StoredSample> test = rows.stream().filter(s -> s.test() && withPair.contains(s.id())).toList();
        SampleSetLoader.Carved carved = SampleSetLoader.carveValidation(SampleSetLoader.firstFraction(coded(train), fraction), validation);
        Map<Long, Long> out = new java.util.HashMap<>();
        for (SampleSet s : List.of(carved.train().shuffledExplanations(seed), carved.validation().shuffledExplanations(seed),
                coded(test).shuffledExplanations(seed))) {
            for (int i = 0; i < s.size(); i++) {
                out.put(s.sampleIds()[i], (long) s.positive()[i]);
            }
        }
        return out;
    }

    private static SampleSet coded(List<StoredSample> rows) {
        int n = rows.size();
        long[] ids = new long[n];
        int[] consumers = new int[n];
        float[] code = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = rows.get(i).id();
            consumers[i] = rows.get(i).consumerId();
            code[i] = rows.get(i).id();
        }
        return new SampleSet(ids, consumers, new int[n], new int[n * SampleSet.HISTORY], code, code.clone(), 1, new float[n], new double[n]);
    }
}
