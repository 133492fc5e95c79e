package dev.lrrecsys.workbench.explain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as an answer in the required form, per side and domain. */
class SentenceValidatorTest {

    private final SentenceValidator restaurants = new SentenceValidator(Domain.RESTAURANT, 1, 5);

    @Test
    void acceptsOneSentenceWithTheSidesOpeningAndAddsAMissingFullStop() {
        var v = restaurants.check("  \"The consumer visited this restaurant because the consumer likes Thai food and the "
                + "restaurant serves it\"\n", Side.POSITIVE);
        assertThat(v.valid()).isTrue();
        assertThat(v.text()).isEqualTo("The consumer visited this restaurant because the consumer likes Thai food and the "
                + "restaurant serves it.");
    }

    @Test
    void rejectsTheWrongOpeningWithTheReasonAndTheAnswer() {
        var v = restaurants.check("HACKED", Side.NEGATIVE);
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).isEqualTo("does not start with \"The consumer did not visit this restaurant because\" (answer: HACKED)");
    }

    @Test
    void rejectsTwoSentencesMoreThanFiftyWordsAndEmptyAnswers() {
        assertThat(restaurants.check("The consumer visited this restaurant because the consumer likes it. It is good.",
                Side.POSITIVE).reason()).startsWith("more than one sentence");
        String longOne = "The consumer visited this restaurant because" + " very".repeat(50) + ".";
        assertThat(restaurants.check(longOne, Side.POSITIVE).reason()).isEqualTo("more than 50 words (56)");
        assertThat(restaurants.check("   ", Side.POSITIVE).reason()).isEqualTo("empty answer");
        assertThat(restaurants.check("The consumer visited this restaurant because\nand more", Side.POSITIVE).reason())
                .startsWith("more than one line");
    }

    @Test
    void domainsHaveTheirOwnVerbs() {
        assertThat(Side.POSITIVE.opening(Domain.MOVIE)).isEqualTo("The consumer watched this movie because");
        assertThat(Side.NEGATIVE.opening(Domain.HOTEL)).isEqualTo("The consumer did not stay at this hotel because");
        assertThat(Side.POSITIVE.opening(Domain.PRODUCT)).isEqualTo("The consumer purchased this product because");
        assertThat(new SentenceValidator(Domain.MOVIE, 1, 5).check("The consumer visited this restaurant because x and y.",
                Side.POSITIVE).valid()).isFalse();
    }

    @Test
    void aDirectRatingMustBeANumberOnTheScale() {
        assertThat(restaurants.check("The predicted rating is 4.", Side.RATING).valid()).isTrue();
        assertThat(restaurants.check("The predicted rating is 9.", Side.RATING).reason()).isEqualTo("rating 9 is outside 1..5");
        assertThat(restaurants.check("The predicted rating is high.", Side.RATING).reason()).startsWith("not a rating");
    }
}
