package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AlignmentProbeTest {

    private static final String POS = "The consumer visited this restaurant because the consumer likes ";
    private static final String NEG = "The consumer did not visit this restaurant because the consumer avoids ";

    /** Ratings driven by one word of the negative side: the probe must find it and beat the mean on held-out pairs. */
    @Test
    void learnsWhatThePairSaysAboutTheRatingAndSurvivesStorage() {
        Random random = new Random(3);
        List<AlignmentProbe.Example> train = new ArrayList<>();
        List<AlignmentProbe.Example> validation = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            boolean pricey = random.nextBoolean();
            String neg = NEG + (pricey ? "high price (budget low)." : "loud ambience (company solitary).");
            double y = (pricey ? 0.25 : 0.75) + random.nextGaussian() * 0.05;
            (i < 1000 ? train : validation).add(new AlignmentProbe.Example(POS + "Thai cuisine (2 of the last 5).", neg, y));
        }
        AlignmentProbe.Fit fit = AlignmentProbe.fit(train, validation, 1, TaskContext.silent());
        assertThat(fit.validationRmse()).isLessThan(0.1);
        AlignmentProbe probe = fit.probe();
        double low = probe.predict(POS + "Thai cuisine (2 of the last 5).", NEG + "high price (budget low).");
        double high = probe.predict(POS + "Thai cuisine (2 of the last 5).", NEG + "loud ambience (company solitary).");
        assertThat(low).isCloseTo(0.25, within(0.08));
        assertThat(high).isCloseTo(0.75, within(0.08));
        AlignmentProbe back = AlignmentProbe.parse(probe.serialize());
        assertThat(back.predict(POS + "x.", NEG + "high price (budget low).")).isCloseTo(
                probe.predict(POS + "x.", NEG + "high price (budget low)."), within(1e-5));
    }

    @Test
    void lcIsClosenessToTheRatingAndIcIsAgreementOfDeviations() {
        assertThat(AlignmentScore.lc(0.7, 0.7)).isEqualTo(1.0);
        assertThat(AlignmentScore.lc(0.0, 1.0)).isEqualTo(0.0);
        assertThat(AlignmentScore.ic(0.8, 0.8, 0.5)).isCloseTo(1.0, within(1e-3));
        assertThat(AlignmentScore.ic(0.8, 0.2, 0.5)).isCloseTo(-1.0, within(1e-3));
        assertThat(AlignmentScore.ic(0.5, 0.9, 0.5)).isEqualTo(0.0);
        // Same direction, a third of the size: agreement in sign, less in size.
        assertThat(AlignmentScore.ic(0.6, 0.8, 0.5)).isCloseTo(2 * 0.1 * 0.3 / (0.01 + 0.09 + AlignmentScore.EPSILON), within(1e-9));
    }

    @Test
    void offlineCandidatesReorderTheReasonsAndKeepEveryWord() {
        String s = POS + "Thai cuisine (company friends, 2 of the last 5), low price (budget low) and quiet ambience (3 of the last 5).";
        String other = EvidenceOrdering.reorder(s, 1, 17);
        assertThat(other).isNotEqualTo(s).startsWith(POS).endsWith(").");
        assertThat(sorted(other)).isEqualTo(sorted(s));
        assertThat(EvidenceOrdering.reorder(s, 0, 17)).isEqualTo(s);
        assertThat(EvidenceOrdering.reorder(s, 2, 17)).isEqualTo(EvidenceOrdering.reorder(s, 2, 17));
        String single = POS + "Thai cuisine (2 of the last 5).";
        assertThat(EvidenceOrdering.reorder(single, 3, 17)).isEqualTo(single);
        String none = POS.replace("likes ", "is open to something new.");
        assertThat(EvidenceOrdering.reorder(none, 1, 17)).isEqualTo(none);
    }

    private static List<String> sorted(String s) {
        List<String> words = new ArrayList<>(List.of(s.split("[^A-Za-z0-9]+")));
        words.removeIf(w -> w.equals("and"));
        words.sort(null);
        return words;
    }
}
