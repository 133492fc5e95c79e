package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.store.KeywordRepository.SideTotals;
import dev.lrrecsys.workbench.store.KeywordRepository.TermCount;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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
        var background = new KeywordAggregator.Background(100_000, 50_000, Map.of(), 49_960, "all other products");
        var byCount = KeywordAggregator.rank("negative", terms, target, background, KeywordRanking.FREQUENCY, 10);
        assertThat(byCount.keywords()).extracting(Keyword::term).containsExactly("food", "fine dining", "upscale");
        assertThat(byCount.keywords().get(0).perExplanation()).isEqualTo(50 / 40.0);
        assertThat(byCount.explanations()).isEqualTo(40);
        var byZ = KeywordAggregator.rank("negative", terms, target, background, KeywordRanking.DISTINCTIVENESS, 2);
        assertThat(byZ.keywords()).extracting(Keyword::term).containsExactly("fine dining", "upscale");
    }

    @Test
    void ranksByShareAgainstPeersAndLeavesOutTheSentenceFrame() {
        // 100 explanations of the target; 1,000 of its peers; 2,000 on the side in all
        List<TermCount> terms = List.of(
                new TermCount("avoids", 100, 2_000),          // in every explanation: the frame, never a keyword
                new TermCount("avoids casual", 40, 300),      // a phrase across the frame word: left out with it
                new TermCount("casual", 40, 300),
                new TermCount("loud", 30, 60),                // 30% here, 3% at the peers
                new TermCount("seafood", 60, 900));           // 60% here but 80% at the peers
        var background = new KeywordAggregator.Background(20_000, 2_000,
                Map.of("avoids", 1_000L, "avoids casual", 200L, "casual", 200L, "loud", 30L, "seafood", 800L), 1_000, "peers");
        var byPeers = KeywordAggregator.rank("negative", terms, new SideTotals(100, 400), background, KeywordRanking.PEERS, 10);
        assertThat(byPeers.keywords()).extracting(Keyword::term).containsExactly("loud", "casual", "seafood");
        Keyword loud = byPeers.keywords().get(0);
        assertThat(loud.perExplanation()).isEqualTo(0.30);
        assertThat(loud.peerShare()).isEqualTo(0.03);
        assertThat(loud.peerDifference()).isCloseTo(0.27, within(1e-12));
        assertThat(byPeers.keywords().get(2).peerDifference()).isCloseTo(-0.20, within(1e-12));
        assertThat(byPeers.peers()).isEqualTo("peers");
    }
}
