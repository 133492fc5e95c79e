package dev.lrrecsys.workbench.factors;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalSpellingTest {

    @Test
    void foldsCasePunctuationAndKnownAliases() {
        assertThat(CanonicalSpelling.key("s.l.p.")).isEqualTo("san luis potosi");
        assertThat(CanonicalSpelling.key("S.L.P.")).isEqualTo("san luis potosi");
        assertThat(CanonicalSpelling.key("SLP")).isEqualTo("san luis potosi");
        assertThat(CanonicalSpelling.key(" San_Luis  Potosi ")).isEqualTo("san luis potosi");
        assertThat(CanonicalSpelling.key("Wine-Beer")).isEqualTo("beer wine");
        assertThat(CanonicalSpelling.key("No_Alcohol_Served")).isEqualTo("no alcohol served");
        assertThat(CanonicalSpelling.key("23.75")).isEqualTo("23.75");
    }

    @Test
    void showsEveryKeyTheWayMostRowsSpellIt() {
        CanonicalSpelling s = CanonicalSpelling.of(List.of("SLP", "SLP", "s.l.p.", "San Luis Potosi", "victoria", "Victoria ", "victoria"));
        assertThat(s.shown("s.l.p.")).isEqualTo(s.shown("SLP")).isEqualTo(s.shown("San Luis Potosi")).isEqualTo("SLP");
        assertThat(s.shown("Victoria")).isEqualTo("victoria");
        assertThat(CanonicalSpelling.plain().shown("Full_Bar")).isEqualTo("full bar");
    }
}
