package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExplanationInputRepository;
import dev.lrrecsys.workbench.store.ExplanationRepository;
import dev.lrrecsys.workbench.store.ExplanationRepository.ExplanationRow;
import dev.lrrecsys.workbench.store.TableSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline reasoner: blind to ratings, deterministic, varied, and naming what truly drives consumers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("slow")
class OfflineContrastiveReasonerTest {

    @TempDir
    static Path dir;

    Project world;
    List<ExplanationRow> rows;

    @BeforeAll
    void generateOnASyntheticWorld() throws Exception {
        world = ExplainFixtures.synthWorld(dir.resolve("w"), 150, 60, 3000, 7);
        GenerationSummary summary = ExplainFixtures.generate(world, new OfflineGenerator(), Variant.CONTRASTIVE, 1000);
        assertThat(summary.rejected()).isZero();
        rows = world.database().read(tx -> new ExplanationRepository().all(tx, "offline", OfflineContrastiveReasoner.MODEL));
    }

    @AfterAll
    void close() {
        world.close();
    }

    @Test
    void everySampleGetsOneValidPositiveAndOneValidNegativeLabelledAsNoLlm() {
        long samples = TableSnapshot.count(world.database(), "SELECT COUNT(*) FROM sample");
        assertThat(samples).isEqualTo(3000 - 150);
        assertThat(rows).hasSize((int) (2 * samples));
        SentenceValidator validator = new SentenceValidator(Domain.RESTAURANT, 1, 5);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("ok");
            assertThat(r.model()).isEqualTo("offline reasoner (no LLM)");
            assertThat(r.templateVersion()).isNull();
            assertThat(r.promptHash()).hasSize(64);
            assertThat(validator.check(r.text(), Side.of(r.side())).valid()).as(r.text()).isTrue();
        });
        assertThat(TableSnapshot.count(world.database(), "SELECT COUNT(DISTINCT sample_id) FROM explanation "
                + "WHERE side = 'positive'")).isEqualTo(samples);
        assertThat(TableSnapshot.count(world.database(), "SELECT COUNT(DISTINCT sample_id) FROM explanation "
                + "WHERE side = 'negative'")).isEqualTo(samples);
    }

    @Test
    void itsInputHasNoRatingToRead() {
        assertThat(Arrays.stream(SampleContext.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("sampleId", "domain", "consumer", "history", "candidate");
        assertThat(Arrays.stream(ExplanationInputRepository.SampleRef.class.getRecordComponents()).map(RecordComponent::getName))
                .doesNotContain("rating");
    }

    @Test
    void otherRatingsGiveTheSameSentences(@TempDir Path other) throws Exception {
        try (Project flipped = ExplainFixtures.synthWorldWithSamples(other.resolve("f"), 150, 60, 3000, 7)) {
            TableSnapshot.execute(flipped.database(), "UPDATE sample SET rating = 6 - rating");
            TableSnapshot.execute(flipped.database(), "UPDATE interaction SET rating = 6 - rating");
            ExplainFixtures.generate(flipped, new OfflineGenerator(), Variant.CONTRASTIVE, 1000);
            List<ExplanationRow> again = flipped.database().read(tx -> new ExplanationRepository().all(tx, "offline",
                    OfflineContrastiveReasoner.MODEL));
            assertThat(TableSnapshot.count(flipped.database(), "SELECT COUNT(*) FROM sample s JOIN interaction i "
                    + "ON i.id = s.id WHERE s.rating = i.rating")).isEqualTo(rows.size() / 2);
            assertThat(again).extracting(ExplanationRow::sampleId, ExplanationRow::side, ExplanationRow::text)
                    .containsExactlyElementsOf(rows.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.sampleId(),
                            r.side(), r.text())).toList());
        }
    }

    @Test
    void theSameInputAlwaysGivesTheSameTextAndSentencesDifferWithTheirEvidence() {
        GenerationInputs inputs = GenerationInputs.load(world.database());
        List<ExplanationInputRepository.SampleRef> refs = world.database().read(tx ->
                new ExplanationInputRepository().page(tx, Long.MIN_VALUE, Long.MAX_VALUE, 200));
        OfflineContrastiveReasoner a = new OfflineContrastiveReasoner();
        OfflineContrastiveReasoner b = new OfflineContrastiveReasoner();
        Set<String> openings = new HashSet<>();
        for (var ref : refs) {
            SampleContext c = inputs.context(ref);
            for (Side side : List.of(Side.POSITIVE, Side.NEGATIVE, Side.GENERAL, Side.ASPECTS, Side.SUMMARY)) {
                assertThat(a.explain(c, side)).isEqualTo(b.explain(c, side));
            }
            String[] words = a.explain(c, Side.POSITIVE).split(" ");
            openings.add(String.join(" ", Arrays.copyOfRange(words, 7, 10)));
        }
        assertThat(openings).hasSizeGreaterThanOrEqualTo(3);
        assertThat(rows.stream().map(ExplanationRow::text).distinct().count()).isGreaterThan(rows.size() / 3);
    }

    @Test
    void sentencesStateTheTraitsAndHabitsThatFitOrClashWithTheCandidateInOneWording() {
        List<ProductFacts> history = List.of(restaurant(1, "Thai", "low", "casual", "none"),
                restaurant(2, "Thai", "medium", "quiet", "beer-wine"), restaurant(3, "Thai", "low", "lively", "none"),
                restaurant(4, "Italian", "low", "family", "none"), restaurant(5, "Thai", "low", "casual", "none"));
        ConsumerFacts consumer = new ConsumerFacts(9, List.of(new Attribute("budget", "low"),
                new Attribute("drink_level", "abstemious"), new Attribute("company", "solitary")));
        OfflineContrastiveReasoner reasoner = new OfflineContrastiveReasoner();

        SampleContext thai = new SampleContext(77, Domain.RESTAURANT, consumer, history, restaurant(6, "Thai", "high", "quiet", "full-bar"));
        assertThat(reasoner.explain(thai, Side.POSITIVE)).isEqualTo("The consumer visited this restaurant because the "
                + "consumer likes Thai cuisine (4 of the last 5) and quiet ambience (company solitary).");
        assertThat(reasoner.explain(thai, Side.NEGATIVE)).isEqualTo("The consumer might not like this restaurant because "
                + "the consumer avoids high price (budget low, usually low price, 4 of the last 5) and full-bar alcohol "
                + "(drink level abstemious).");

        SampleContext greek = new SampleContext(78, Domain.RESTAURANT, new ConsumerFacts(9, List.of()), history,
                restaurant(7, "Greek", "medium", "romantic", "beer-wine"));
        assertThat(reasoner.explain(greek, Side.POSITIVE))
                .isEqualTo("The consumer visited this restaurant because the consumer is open to something new.");
        assertThat(reasoner.explain(greek, Side.NEGATIVE)).isEqualTo("The consumer might not like this restaurant because "
                + "the consumer avoids Greek cuisine (usually Thai cuisine, 4 of the last 5) and romantic ambience (usually "
                + "casual ambience, 2 of the last 5).");
    }

    private static ProductFacts restaurant(int id, String cuisine, String price, String ambience, String alcohol) {
        return new ProductFacts(id, "R" + id, List.of(new Attribute("cuisine", cuisine), new Attribute("price", price),
                new Attribute("ambience", ambience), new Attribute("alcohol", alcohol)), null);
    }

    @Test
    void positiveSentencesNameWhatTrulyDrivesTheConsumerMoreOftenThanChance() {
        Map<Integer, List<String>> liked = preferences(world, "> 0");
        double truth = rate(rows, "positive", liked, false, false);
        double chance = rate(rows, "positive", liked, true, false);
        assertThat(truth).as("rate with the consumer's own drivers %.3f vs another consumer's %.3f", truth, chance)
                .isGreaterThan(chance * 1.3).isGreaterThan(chance + 0.05);
    }

    @Test
    void whenTheCandidateHasWhatTheConsumerDislikesTheNegativeSentenceNamesItMoreOftenThanChance() {
        // Visited candidates mostly avoid what the consumer dislikes, so compare only samples whose candidate has
        // a disliked value: the consumer's own (truth) or the next consumer's (chance).
        Map<Integer, List<String>> disliked = preferences(world, "< 0");
        double truth = rate(rows, "negative", disliked, false, true);
        double chance = rate(rows, "negative", disliked, true, true);
        assertThat(truth).as("rate with the consumer's own dislikes %.3f vs another consumer's %.3f", truth, chance)
                .isGreaterThan(chance);
    }

    /** consumer id -> phrases of its ground-truth values with the given weight sign, as the reasoner words them. */
    private static Map<Integer, List<String>> preferences(Project p, String sign) {
        Map<Integer, List<String>> out = new HashMap<>();
        for (String row : TableSnapshot.rows(p.database(), "SELECT consumer_id, attribute, val FROM ground_truth WHERE weight " + sign)) {
            String[] f = row.split("\\|");
            out.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>()).add(AttributePhrases.phrase(f[1], f[2]));
        }
        return out;
    }

    /**
     * Share of sentences naming one of the consumer's drivers; with {@code shifted}, the drivers of the next
     * consumer instead (a chance baseline with the same sentences and the same kind of drivers). With
     * {@code candidateHasDriver}, only samples whose candidate has one of the drivers used count.
     */
    private double rate(List<ExplanationRow> all, String side, Map<Integer, List<String>> drivers, boolean shifted,
                        boolean candidateHasDriver) {
        Map<Long, Integer> consumerOf = new HashMap<>();
        Map<Long, Integer> candidateOf = new HashMap<>();
        for (String row : TableSnapshot.rows(world.database(), "SELECT id, consumer_id, product_id FROM sample")) {
            String[] f = row.split("\\|");
            consumerOf.put(Long.parseLong(f[0]), Integer.parseInt(f[1]));
            candidateOf.put(Long.parseLong(f[0]), Integer.parseInt(f[2]));
        }
        Map<Integer, Set<String>> phrasesOf = new HashMap<>();
        for (String row : TableSnapshot.rows(world.database(), "SELECT product_id, name, val FROM product_attribute")) {
            String[] f = row.split("\\|");
            phrasesOf.computeIfAbsent(Integer.parseInt(f[0]), k -> new HashSet<>()).add(AttributePhrases.phrase(f[1], f[2]));
        }
        List<Integer> ids = drivers.keySet().stream().sorted().toList();
        long hits = 0;
        long n = 0;
        for (ExplanationRow r : all) {
            if (!r.side().equals(side)) {
                continue;
            }
            int consumer = consumerOf.get(r.sampleId());
            if (!drivers.containsKey(consumer)) {
                continue;
            }
            int used = shifted ? ids.get((ids.indexOf(consumer) + 1) % ids.size()) : consumer;
            if (candidateHasDriver && drivers.get(used).stream().noneMatch(phrasesOf.get(candidateOf.get(r.sampleId()))::contains)) {
                continue;
            }
            n++;
            if (drivers.get(used).stream().anyMatch(r.text()::contains)) {
                hits++;
            }
        }
        return (double) hits / n;
    }
}
