package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.store.CaseRepository.RunPrediction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CaseAnalysisTest {

    @Test
    void spreadPerModelIsTheMeanAndSampleSdOfItsRuns() {
        List<CaseAnalysis.ModelSpread> s = CaseAnalysis.spreadByModel(List.of(new RunPrediction(1, "lr-recsys", 0, 0.2),
                new RunPrediction(2, "lr-recsys", 1, 0.4), new RunPrediction(3, "mf", 0, 0.7)));
        assertThat(s).extracting(CaseAnalysis.ModelSpread::model).containsExactly("lr-recsys", "mf");
        assertThat(s.get(0).mean()).isCloseTo(0.3, within(1e-12));
        assertThat(s.get(0).sd()).isCloseTo(Math.sqrt(0.02), within(1e-12));
        assertThat(s.get(0).min()).isEqualTo(0.2);
        assertThat(s.get(1).runs()).isEqualTo(1);
        assertThat(s.get(1).sd()).isNaN();
    }

    @Test
    void topWordsAreTheLargestChangesEitherWay() {
        List<WordSalience.WordWeight> w = List.of(new WordSalience.WordWeight(0, "a", true, 0.01),
                new WordSalience.WordWeight(1, "b", true, -0.3), new WordSalience.WordWeight(2, "c", false, 0.2));
        assertThat(WordSalience.top(w, 2)).extracting(WordSalience.WordWeight::word).containsExactly("b", "c");
    }
}
