package dev.lrrecsys.workbench.ui.keywords;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Keywords view's line under the restaurant list names the retrieved explanations it left out, and only then. */
class KeywordsLeftOutNoteTest {

    @Test
    void saysHowManyOfEachSideWereLeftOutAndNothingWhenNoneWas() {
        assertThat(KeywordsViewModel.leftOutNote(0, 0)).isEmpty();
        assertThat(KeywordsViewModel.leftOutNote(12, 0)).isEqualTo(". Left out: 12 why and 0 why not explanations "
                + "retrieved from a seed sample about another product");
    }
}
