package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.model.ExplanationFeatures;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.model.SampleSet;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.StoredSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleSetLoaderTest {

    private static final DatasetInfo ONE_TO_FIVE = new DatasetInfo("t", "csv", "restaurant", "x", 1, 5, 4, true, null);

    private static StoredSample sample(long id, int consumer, int product, double rating, int position, boolean test,
                                       int... history) {
        int[] h = {-1, -1, -1, -1, -1};
        System.arraycopy(history, 0, h, 5 - history.length, history.length);
        return new StoredSample(id, consumer, product, rating, position, h, test);
    }

    private static List<StoredSample> rows() {
        return new ArrayList<>(List.of(
                sample(11, 100, 7, 5, 1, false, 9),
                sample(12, 100, 8, 2, 2, false, 9, 7),
                sample(13, 100, 9, 4, 3, true, 9, 7, 8),
                sample(21, 200, 7, 1, 1, false, 8),
                sample(22, 200, 9, 3, 2, true, 8, 7)));
    }

    private static ExplanationFeatures features(Map<Long, float[]> byId) {
        return new ExplanationFeatures() {
            @Override public int dim() {
                return 2;
            }
            @Override public boolean fill(long id, float[] pos, int po, float[] neg, int no) {
                float[] v = byId.get(id);
                if (v == null) {
                    return false;
                }
                pos[po] = v[0];
                pos[po + 1] = v[1];
                neg[no] = -v[0];
                neg[no + 1] = -v[1];
                return true;
            }
        };
    }

    private static final Map<Long, float[]> ALL = Map.of(11L, new float[] {1, 1}, 12L, new float[] {2, 2},
            13L, new float[] {3, 3}, 21L, new float[] {4, 4}, 22L, new float[] {5, 5});

    @Test
    void denseIndicesAreSharedByBothSplitsAndHistoriesKeepTheirPadding() {
        SampleSetLoader.Splits s = SampleSetLoader.load(rows(), ONE_TO_FIVE, PredictionTask.REGRESSION, features(ALL));
        assertThat(s.numConsumers()).isEqualTo(2);
        assertThat(s.numProducts()).isEqualTo(3);
        assertThat(s.train().sampleIds()).containsExactly(11, 12, 21);
        assertThat(s.test().sampleIds()).containsExactly(13, 22);
        // products are indexed in order of first sight: 7 (candidate), 9 (history), 8
        assertThat(s.train().products()).containsExactly(0, 2, 0);
        assertThat(s.test().products()).containsExactly(1, 1);
        assertThat(s.test().consumers()).containsExactly(0, 1);
        assertThat(s.test().history()).containsExactly(-1, -1, 1, 0, 2, -1, -1, -1, 2, 0);
        assertThat(s.train().target()).containsExactly(1f, 0.25f, 0f);
        // Explanation features are standardised with the training split's mean (7/3) and population sd (1.2472).
        assertThat(s.train().positive()).containsExactly(new float[] {-1.0690f, -1.0690f, -0.2673f, -0.2673f, 1.3363f, 1.3363f},
                org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(s.train().negative()).containsExactly(new float[] {1.0690f, 1.0690f, 0.2673f, 0.2673f, -1.3363f, -1.3363f},
                org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void testFeaturesAreScaledWithTheTrainingSplitsFigures() {
        SampleSetLoader.Splits loaded = SampleSetLoader.load(rows(), ONE_TO_FIVE, PredictionTask.REGRESSION, features(ALL));
        SampleSet rawTrain = SampleSetLoader.withFeatures(loaded.train(), features(ALL), "codes");
        SampleSet rawTest = SampleSetLoader.withFeatures(loaded.test(), features(ALL), "codes");
        SampleSetLoader.Standardized s = SampleSetLoader.standardize(rawTrain, rawTest);
        float[] expected = new float[rawTest.positive().length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (float) ((rawTest.positive()[i] - 7.0 / 3) / Math.sqrt(14.0 / 9));
        }
        assertThat(s.test().positive()).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(s.train().positive()).containsExactly(loaded.train().positive(), org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void classificationTargetsAreHighOrLow() {
        SampleSetLoader.Splits s = SampleSetLoader.load(rows(), ONE_TO_FIVE, PredictionTask.CLASSIFICATION, features(ALL));
        assertThat(s.train().target()).containsExactly(1f, 0f, 0f);
        assertThat(s.test().target()).containsExactly(1f, 0f);
        assertThat(s.test().rating()).containsExactly(4.0, 3.0);
    }

    @Test
    void aSamplesInputsDoNotDependOnItsRating() {
        SampleSetLoader.Splits before = SampleSetLoader.load(rows(), ONE_TO_FIVE, PredictionTask.REGRESSION, features(ALL));
        List<StoredSample> changed = rows();
        changed.set(2, sample(13, 100, 9, 1, 3, true, 9, 7, 8));
        SampleSetLoader.Splits after = SampleSetLoader.load(changed, ONE_TO_FIVE, PredictionTask.REGRESSION, features(ALL));
        SampleSet a = before.test();
        SampleSet b = after.test();
        assertThat(b.sampleIds()).containsExactly(a.sampleIds());
        assertThat(b.consumers()).containsExactly(a.consumers());
        assertThat(b.products()).containsExactly(a.products());
        assertThat(b.history()).containsExactly(a.history());
        assertThat(b.positive()).containsExactly(a.positive());
        assertThat(b.negative()).containsExactly(a.negative());
        assertThat(b.target()[0]).isNotEqualTo(a.target()[0]);
        assertThat(after.train().target()).containsExactly(before.train().target());
    }

    @Test
    void samplesWithoutExplanationsAreLeftOutOfBothSplitsAndCounted() {
        Map<Long, float[]> partial = Map.of(11L, new float[] {1, 1}, 13L, new float[] {3, 3}, 21L, new float[] {4, 4});
        SampleSetLoader.Splits s = SampleSetLoader.load(rows(), ONE_TO_FIVE, PredictionTask.REGRESSION, features(partial));
        assertThat(s.excluded()).isEqualTo(2);
        assertThat(s.train().sampleIds()).containsExactly(11, 21);
        assertThat(s.test().sampleIds()).containsExactly(13);
    }

    @Test
    void aTrainingFractionKeepsEachConsumersOldestSamples() {
        List<StoredSample> many = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            many.add(sample(i, 1, i % 3, 1 + i % 5, i, false, 5));
        }
        for (int i = 1; i <= 2; i++) {
            many.add(sample(100 + i, 2, i, 1 + i, i, false, 5));
        }
        many.add(sample(200, 2, 1, 3, 3, true, 5));
        SampleSet train = SampleSetLoader.load(many, ONE_TO_FIVE, PredictionTask.REGRESSION, null).train();
        assertThat(SampleSetLoader.firstFraction(train, 0.25).sampleIds()).containsExactly(1, 2, 101);
        assertThat(SampleSetLoader.firstFraction(train, 0.5).sampleIds()).containsExactly(1, 2, 3, 4, 101);
        assertThat(SampleSetLoader.firstFraction(train, 1.0).size()).isEqualTo(10);
    }

    @Test
    void shufflingExplanationsPermutesThemAcrossSamples() {
        SampleSet train = SampleSetLoader.load(rows(), ONE_TO_FIVE, PredictionTask.REGRESSION, features(ALL)).train();
        SampleSet shuffled = train.shuffledExplanations(3);
        assertThat(shuffled.positive()).containsExactlyInAnyOrder(train.positive());
        assertThat(shuffled.target()).containsExactly(train.target());
    }

    @Test
    void noSamplesIsAClearError() {
        assertThatThrownBy(() -> SampleSetLoader.load(List.of(), ONE_TO_FIVE, PredictionTask.REGRESSION, null))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("This project has no samples: import a dataset first (samples are derived from its interactions).");
    }

    @Test
    void oneClassIsAClearErrorForClassification() {
        List<StoredSample> low = List.of(sample(1, 1, 1, 1, 1, false, 2), sample(2, 1, 2, 2, 2, true, 1));
        assertThatThrownBy(() -> SampleSetLoader.load(low, ONE_TO_FIVE, PredictionTask.CLASSIFICATION, null))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("All 2 samples are low (high means rating >= 4): classification needs both classes.");
    }
}
