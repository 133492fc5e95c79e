package dev.lrrecsys.workbench.insight;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WordDifferenceTest {

    @Test
    void findsTheWordsNoOtherTextHas() {
        List<Set<String>> unique = WordDifference.unique(List.of(
                "The consumer likes Thai food.", "The consumer likes quick snacks.", "the CONSUMER likes thai snacks"));
        assertThat(unique.get(0)).containsExactly("food");
        assertThat(unique.get(1)).containsExactly("quick");
        assertThat(unique.get(2)).isEmpty();
    }

    @Test
    void tokensKeepEveryCharacterSoTheTextCanBeRebuilt() {
        String text = "It's a fine-dining place, isn't it?";
        assertThat(String.join("", WordDifference.tokens(text))).isEqualTo(text);
        assertThat(WordDifference.tokens(text)).contains("It's", "fine-dining", "isn't");
    }
}
