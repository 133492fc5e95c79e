package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.store.KeywordRepository.SideTotals;
import dev.lrrecsys.workbench.store.KeywordRepository.TermCount;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KeywordAggregatorTest {

    @Test
    void aTermTypicalOfTheTargetScoresPositiveAndARareOneNegative() {
        // target: 1,000 terms of which 100 "thai"; corpus: 100,000 terms of which 200 "thai"
        assertThat(KeywordAggregator.logOddsZ(100, 1_000, 200, 100_000)).isGreaterThan(5);
        // target uses "parking" at 0.1%, the rest of the corpus at 5%
        assertThat(KeywordAggregator.logOddsZ(1, 1_000, 5_000, 100_000)).isLessThan(-5);
        // same rate inside and outside: about zero
        assertThat(KeywordAggregator.logOddsZ(10, 1_000, 1_000, 100_000)).isCloseTo(0, within(0.3));
    }

    @Test
    void ranksByFrequencyOrDistinctivenessAndFoldsWordsIntoTheirPhrase() {
        List<TermCount> terms = List.of(
                new TermCount("fine", 30, 60), new TermCount("dining", 30, 60), new TermCount("fine dining", 30, 60),
                new TermCount("food", 50, 20_000), new TermCount("upscale", 10, 12));
        SideTotals target = new SideTotals(40, 400);
        var byCount = KeywordAggregator.rank("negative", terms, target, 100_000, KeywordRanking.FREQUENCY, 10);
        assertThat(byCount.keywords()).extracting(Keyword::term).containsExactly("food", "fine dining", "upscale");
        assertThat(byCount.keywords().get(0).perExplanation()).isEqualTo(50 / 40.0);
        assertThat(byCount.explanations()).isEqualTo(40);
        var byZ = KeywordAggregator.rank("negative", terms, target, 100_000, KeywordRanking.DISTINCTIVENESS, 2);
        assertThat(byZ.keywords()).extracting(Keyword::term).containsExactly("fine dining", "upscale");
    }
}
