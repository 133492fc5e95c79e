package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.factors.CanonicalSpelling;
import dev.lrrecsys.workbench.factors.FactorCatalogue;
import dev.lrrecsys.workbench.factors.KeyFactorSet;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.KeyFactorRepository;
import dev.lrrecsys.workbench.store.KeyFactorRepository.ExplainedSample;
import dev.lrrecsys.workbench.store.KeyFactorRepository.Preference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Redundancy, spuriousness and factors per explanation of stored explanation pairs, and, on synthetic worlds,
 * driver precision and recall against the hidden preferences (definitions in docs/factors.md). A sentence
 * names a factor when it mentions one of the sample's product values (candidate or history) in any spelling
 * of its canonical key; yes/no flags are not looked for, as "parking" cannot tell which way it goes.
 */
public final class ExplanationQuality {

    /** The measures of one selection; driver figures are NaN without ground truth. */
    public record Figures(long pairs, long explanations, double redundancy, double spuriousness,
                          double factorsPerExplanation, boolean groundTruth, double driverPrecision, double driverRecall) {
    }

    private ExplanationQuality() {
    }

    /** The measures over every 'ok' positive/negative explanation of the generator (and variant, when not null). */
    public static Figures measure(Database db, String generator, String variant) {
        DatasetInfo dataset = db.read(tx -> new DatasetRepository().find(tx)).orElseThrow(() -> new WorkbenchException(
                "The project has no dataset yet: import one with `lrw import` first."));
        FactorCatalogue catalogue = FactorCatalogue.load(db, dataset.domain());
        KeyFactorRepository repo = new KeyFactorRepository();
        Map<Integer, List<Preference>> truth = db.read(repo::groundTruth);
        Set<String> keyValues = new HashSet<>();
        KeyFactorSet.load(db).ifPresent(k -> k.rows().forEach(r -> {
            if (!"trait".equals(r.kind())) {
                keyValues.add(r.attribute() + '=' + r.value());
            }
        }));
        Accumulator acc = new Accumulator(catalogue, truth, keyValues);
        db.read(tx -> {
            repo.forEachExplanation(tx, generator, variant, acc::add);
            return null;
        });
        acc.flush();
        if (acc.explanations == 0) {
            throw new WorkbenchException("No explanations of generator '" + generator + "'"
                    + (variant == null ? "" : " and variant '" + variant + "'") + ": generate them with `lrw generate` first.");
        }
        return acc.figures();
    }

    /** Sums over pairs, one sample at a time. */
    private static final class Accumulator {
        private final FactorCatalogue catalogue;
        private final Map<Integer, List<Preference>> truth;
        private final Set<String> keyValues;
        private final Map<String, List<String>> spellings = new HashMap<>();
        private long currentSample = Long.MIN_VALUE;
        private final List<ExplainedSample> pair = new ArrayList<>();
        long pairs;
        long explanations;
        long mentions;
        long repeats;
        long named;
        long spurious;
        long rightSide;
        long drivers;
        long driversFound;

        Accumulator(FactorCatalogue catalogue, Map<Integer, List<Preference>> truth, Set<String> keyValues) {
            this.catalogue = catalogue;
            this.truth = truth;
            this.keyValues = keyValues;
        }

        void add(ExplainedSample e) {
            if (e.sampleId() != currentSample) {
                flush();
                currentSample = e.sampleId();
            }
            pair.add(e);
        }

        void flush() {
            if (pair.isEmpty()) {
                return;
            }
            ExplainedSample first = pair.get(0);
            Set<String> candidateValues = new HashSet<>(catalogue.valueIdentities(first.productId()));
            Set<String> sampleValues = new LinkedHashSet<>(candidateValues);
            for (int h : first.history()) {
                if (h >= 0) {
                    sampleValues.addAll(catalogue.valueIdentities(h));
                }
            }
            // True drivers: the consumer's hidden preferences that the candidate matches, with their sign.
            Map<String, Double> driverWeights = new HashMap<>();
            for (Preference p : truth.getOrDefault(first.consumerId(), List.of())) {
                String id = CanonicalSpelling.key(p.attribute()) + '=' + CanonicalSpelling.key(p.value());
                if (candidateValues.contains(id)) {
                    driverWeights.put(id, p.weight());
                }
            }
            Set<String> pairNamed = new HashSet<>();
            Map<String, String> foundOnSide = new HashMap<>();
            for (ExplainedSample e : pair) {
                explanations++;
                List<String> found = mentions(e.text(), sampleValues);
                mentions += found.size();
                Set<String> distinct = new LinkedHashSet<>(found);
                for (String id : found) {
                    if (!pairNamed.add(id)) {
                        repeats++;
                    }
                }
                for (String id : distinct) {
                    named++;
                    boolean positiveSide = "positive".equals(e.side());
                    if (truth.isEmpty()) {
                        if (!keyValues.contains(id)) {
                            spurious++;
                        }
                    } else {
                        Double w = driverWeights.get(id);
                        if (w == null) {
                            spurious++;
                        } else if (w > 0 == positiveSide) {
                            rightSide++;
                            foundOnSide.put(id, e.side());
                        }
                    }
                }
            }
            drivers += driverWeights.size();
            driversFound += foundOnSide.size();
            pairs++;
            pair.clear();
        }

        /** The sample's values this text mentions, in order, a value once per mention; longest spellings first. */
        private List<String> mentions(String text, Set<String> sampleValues) {
            String t = " " + CanonicalSpelling.key(text) + " ";
            List<String[]> spelled = new ArrayList<>();
            for (String id : sampleValues) {
                for (String s : spellings.computeIfAbsent(id, this::spellingsOf)) {
                    spelled.add(new String[]{id, s});
                }
            }
            spelled.sort(Comparator.comparingInt((String[] a) -> -a[1].length()));
            List<int[]> spans = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (String[] s : spelled) {
                String needle = " " + s[1] + " ";
                int from = 0;
                while (true) {
                    int at = t.indexOf(needle, from);
                    if (at < 0) {
                        break;
                    }
                    int end = at + needle.length() - 1;
                    boolean taken = false;
                    for (int[] sp : spans) {
                        if (at + 1 < sp[1] && end > sp[0]) {
                            taken = true;
                            break;
                        }
                    }
                    if (!taken) {
                        spans.add(new int[]{at + 1, end, ids.size()});
                        ids.add(s[0]);
                    }
                    from = at + 1;
                }
            }
            spans.sort(Comparator.comparingInt(sp -> sp[0]));
            List<String> ordered = new ArrayList<>();
            for (int[] sp : spans) {
                ordered.add(ids.get(sp[2]));
            }
            return ordered;
        }

        /** The keys a value may be written as: its canonical key, and every alias folding to it. */
        private List<String> spellingsOf(String identity) {
            String phrase = catalogue.phraseOf(identity);
            String value = identity.substring(identity.indexOf('=') + 1);
            if (phrase == null || value.isBlank() || dev.lrrecsys.workbench.factors.AttributeWording.isFlag(value)) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            out.add(value);
            for (String alias : CanonicalSpelling.aliasesOf(value)) {
                out.add(alias);
            }
            return out;
        }

        Figures figures() {
            boolean gt = !truth.isEmpty();
            return new Figures(pairs, explanations, ratio(repeats, mentions), ratio(spurious, named),
                    ratio(named, explanations), gt, gt ? ratio(rightSide, named) : Double.NaN,
                    gt ? ratio(driversFound, drivers) : Double.NaN);
        }

        private static double ratio(long a, long b) {
            return b == 0 ? 0 : (double) a / b;
        }
    }
}
