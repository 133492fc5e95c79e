package dev.lrrecsys.workbench.insight;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordTokenizerTest {

    private final KeywordTokenizer tokenizer = new KeywordTokenizer();

    @Test
    void keepsContentWordsAndAdjacentPhrasesAndDropsStopAndTemplateWords() {
        var terms = tokenizer.terms("The consumer did not visit this restaurant because the consumer prefers fine dining "
                + "and the restaurant's menu is a quick snack.");
        assertThat(terms).contains("fine", "dining", "fine dining", "menu", "quick", "snack", "quick snack")
                .doesNotContain("consumer", "restaurant", "because", "the", "did", "not", "visit", "prefers", "restaurant's");
        // "dining" and "menu" were separated by removed words: no phrase across the gap.
        assertThat(terms).doesNotContain("dining menu", "dining and");
    }

    @Test
    void lowerCasesAndSkipsNumbersAndEmptyText() {
        assertThat(tokenizer.terms("Authentic THAI food, 5 stars")).containsExactly("authentic", "thai", "food", "stars",
                "authentic thai", "thai food");
        assertThat(tokenizer.terms("")).isEmpty();
        assertThat(tokenizer.terms(null)).isEmpty();
    }

    @Test
    void neverPairsAWordWithItselfAndCountsATermOncePerText() {
        var terms = tokenizer.terms("avoids ambience ambience and payment payment cash");
        assertThat(terms).doesNotContain("ambience ambience", "payment payment").contains("payment cash");
        assertThat(tokenizer.distinctTerms("payment payment cash")).containsExactly("payment", "cash", "payment cash");
    }

    @Test
    void everyDomainsSentenceFrameIsLeftOut() {
        assertThat(tokenizer.terms("The consumer did not stay at this hotel because the hotels are loud")).containsExactly("loud");
        assertThat(tokenizer.terms("The consumer purchased this product because it is sturdy")).containsExactly("sturdy");
    }
}
