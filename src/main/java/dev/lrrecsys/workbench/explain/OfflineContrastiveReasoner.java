package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.factors.CanonicalSpelling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded, deterministic explanation writer (no LLM): the positive sentence names the candidate's values
 * that the consumer's traits ask for or that the consumer's history holds more often than chance, the negative
 * one those that clash with a trait or break a clear habit, each with its evidence ("likes Thai cuisine (3 of
 * the last 5)", "avoids high price (budget low)"). Its input, {@link SampleContext}, carries no rating, so it
 * cannot use one. The wording is the same for every sample, so that sentences differ only where the evidence
 * does (what the autoencoder's codes should keep); the same sample always gets the same text.
 */
public final class OfflineContrastiveReasoner {

    public static final String GENERATOR = "offline";
    public static final String MODEL = "offline reasoner (no LLM)";

    /** One candidate attribute with its phrase and, for the positive side, how many history items share it. */
    private record Feature(String nameKey, String valueKey, String phrase, boolean flag) {
        String pairKey() {
            return nameKey + '\u0000' + valueKey;
        }
    }

    /** A shared feature; score = how far the count exceeds what the catalogue's share of it would give. */
    private record Shared(Feature feature, int count, double score) {
    }

    /** A contrasting feature; score = how often the history would hold the candidate's value by the catalogue's share. */
    private record Contrast(String historyPhrase, String candidatePhrase, int count, double score) {
    }

    /** What the consumer's traits and history say about one candidate value. */
    private record Evidence(Feature feature, TraitAffinity.Verdict verdict, int historyCount, double expected) {
    }

    private final Map<Integer, List<Feature>> featureCache = new ConcurrentHashMap<>();
    /** Share of catalogue products having each name/value pair: what a history holds by chance. */
    private final Map<String, Double> catalogueShare = new HashMap<>();
    /** One spelling per value ("s.l.p." and "SLP" read the same), from the catalogue's own spellings. */
    private CanonicalSpelling spelling = CanonicalSpelling.plain();

    /** A reasoner that ranks attributes by their count alone. */
    public OfflineContrastiveReasoner() {
    }

    /**
     * A reasoner that knows how common each attribute value is in the catalogue, so that a history full of a
     * rare value counts for more than one full of a value every product has, and the absence of a common value
     * from the history reads as avoidance.
     */
    public OfflineContrastiveReasoner(Iterable<ProductFacts> catalogue) {
        List<String> values = new ArrayList<>();
        for (ProductFacts p : catalogue) {
            p.attributes().forEach(a -> values.add(a.value()));
        }
        spelling = CanonicalSpelling.of(values);
        Map<String, Integer> counts = new HashMap<>();
        int n = 0;
        for (ProductFacts p : catalogue) {
            n++;
            for (Feature f : features(p)) {
                counts.merge(f.pairKey(), 1, Integer::sum);
            }
        }
        int total = n;
        counts.forEach((k, c) -> catalogueShare.put(k, (double) c / total));
    }

    /** The sentence for one side; every side but the rating is supported. */
    public String explain(SampleContext c, Side side) {
        return switch (side) {
            case POSITIVE -> positive(c);
            case NEGATIVE -> negative(c);
            case GENERAL -> general(c);
            case ASPECTS -> aspects(c);
            case SUMMARY -> summary(c);
            case RATING -> throw new WorkbenchException(
                    "The offline reasoner does not predict ratings: use --generator ollama for --variant direct-rating.");
        };
    }

    /** A templated profile from the product's attributes (profile augmentation without an LLM). */
    public String profile(ProductFacts p, Domain d) {
        List<Feature> fs = informative(features(p));
        if (fs.isEmpty()) {
            return "This " + d.noun() + " has no recorded attributes; consumers curious about new "
                    + d.plural() + " might enjoy it.";
        }
        List<String> phrases = fs.stream().limit(4).map(Feature::phrase).toList();
        return "This " + d.noun() + " offers " + join(phrases) + "; consumers who like "
                + join(phrases.subList(0, Math.min(2, phrases.size()))) + " would enjoy it.";
    }

    String positive(SampleContext c) {
        List<String> reasons = new ArrayList<>();
        for (Evidence e : evidence(c)) {
            List<String> why = new ArrayList<>();
            if (e.verdict().fit() != null) {
                why.add(trait(e.verdict().fit()));
            }
            if (e.historyCount() >= 2 && e.historyCount() >= e.expected() + 1) {
                why.add(e.historyCount() + " of the last " + c.history().size());
            }
            if (!why.isEmpty()) {
                reasons.add(e.feature().phrase() + " (" + String.join(", ", why) + ")");
            }
        }
        String body = reasons.isEmpty() ? "is open to something new" : "likes " + join(fitting(reasons, Side.POSITIVE, c));
        return Side.POSITIVE.opening(c.domain()) + " the consumer " + body + ".";
    }

    String negative(SampleContext c) {
        List<String> reasons = new ArrayList<>();
        for (Evidence e : evidence(c)) {
            List<String> why = new ArrayList<>();
            if (e.verdict().clash() != null) {
                why.add(trait(e.verdict().clash()));
            }
            String habit = e.historyCount() == 0 && !e.feature().flag() ? habit(c, e.feature()) : null;
            if (habit != null) {
                why.add(habit);
            }
            if (!why.isEmpty()) {
                reasons.add(e.feature().phrase() + " (" + String.join(", ", why) + ")");
            }
        }
        String body = reasons.isEmpty() ? "may simply have wanted a change" : "avoids " + join(fitting(reasons, Side.NEGATIVE, c));
        return Side.NEGATIVE.cautionOpening(c.domain()) + " the consumer " + body + ".";
    }

    /**
     * What speaks for or against each of the candidate's values, in the candidate's attribute order: the
     * consumer's traits read through {@link TraitAffinity}, and how many history items share the value
     * against how many the catalogue's share of it would give.
     */
    private List<Evidence> evidence(SampleContext c) {
        List<Evidence> out = new ArrayList<>();
        int h = c.history().size();
        for (Feature f : features(c.candidate())) {
            int count = 0;
            if (!f.flag()) {
                for (ProductFacts p : c.history()) {
                    if (has(p, f)) {
                        count++;
                    }
                }
            }
            out.add(new Evidence(f, TraitAffinity.judge(c.domain(), c.consumer().attributes(), f.nameKey(), f.valueKey()),
                    count, h * catalogueShare.getOrDefault(f.pairKey(), 0.0)));
        }
        return out;
    }

    /**
     * The history's clear habit under the candidate's attribute when the candidate's value is not in it: the
     * most frequent other value, held by at least two items and at least one more than the catalogue's share
     * of it would give ("usually Thai cuisine, 3 of the last 5"), else null.
     */
    private String habit(SampleContext c, Feature candidate) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Feature> byKey = new HashMap<>();
        for (ProductFacts p : c.history()) {
            for (Feature f : features(p)) {
                if (f.nameKey().equals(candidate.nameKey()) && !f.flag()) {
                    counts.merge(f.pairKey(), 1, Integer::sum);
                    byKey.putIfAbsent(f.pairKey(), f);
                }
            }
        }
        int h = c.history().size();
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && e.getValue() >= h * catalogueShare.getOrDefault(e.getKey(), 0.0) + 1)
                .max(Map.Entry.comparingByValue())
                .map(e -> "usually " + byKey.get(e.getKey()).phrase() + ", " + e.getValue() + " of the last " + h)
                .orElse(null);
    }

    /** The first reasons that keep the sentence within the validator's word limit. */
    private static List<String> fitting(List<String> reasons, Side side, SampleContext c) {
        int words = (side.opening(c.domain()) + " the consumer likes").split(" ").length;
        List<String> out = new ArrayList<>();
        for (String r : reasons) {
            words += r.split(" ").length + 1;
            if (words > SentenceValidator.MAX_WORDS) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    /** A consumer trait as the sentence states it, e.g. "drink level social drinker", "budget low". */
    private String trait(Attribute a) {
        return AttributePhrases.key(a.name()) + " " + spelling.shown(a.value());
    }

    String general(SampleContext c) {
        Domain d = c.domain();
        List<Shared> shared = shared(c);
        List<Contrast> contrasts = contrasts(c);
        String wants = shared.isEmpty() ? "something new" : "more " + shared.get(0).feature().phrase();
        String tail = contrasts.isEmpty() ? "" : ", despite its " + contrasts.get(0).candidatePhrase();
        return Side.GENERAL.opening(d) + " whether the consumer wants " + wants + ", which the " + d.noun()
                + (shared.isEmpty() ? " may offer" : " offers") + tail + ".";
    }

    String aspects(SampleContext c) {
        List<String> terms = new ArrayList<>();
        shared(c).forEach(s -> terms.add(s.feature().phrase()));
        contrasts(c).forEach(x -> terms.add(x.candidatePhrase()));
        informative(features(c.candidate())).forEach(f -> terms.add(f.phrase()));
        List<String> distinct = terms.stream().distinct().limit(5).toList();
        return Side.ASPECTS.opening(c.domain()) + " " + (distinct.isEmpty() ? c.domain().noun() + " without recorded attributes"
                : String.join(", ", distinct)) + ".";
    }

    String summary(SampleContext c) {
        Domain d = c.domain();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> phrases = new HashMap<>();
        for (ProductFacts p : c.history()) {
            for (Feature f : informative(features(p))) {
                counts.merge(f.pairKey(), 1, Integer::sum);
                phrases.putIfAbsent(f.pairKey(), f.phrase());
            }
        }
        int h = c.history().size();
        List<String> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(2)
                .map(e -> phrases.get(e.getKey()) + " (" + e.getValue() + " of " + h + ")")
                .toList();
        return Side.SUMMARY.opening(d) + " " + h + " " + (h == 1 ? d.noun() : d.plural())
                + (top.isEmpty() ? " with no recorded attributes" : ", mostly with " + join(top)) + ".";
    }

    /** Candidate features shared with the history, most shared first. */
    private List<Shared> shared(SampleContext c) {
        List<Shared> out = new ArrayList<>();
        for (Feature f : informative(features(c.candidate()))) {
            int n = 0;
            for (ProductFacts p : c.history()) {
                if (has(p, f)) {
                    n++;
                }
            }
            if (n > 0) {
                out.add(new Shared(f, n, n - c.history().size() * catalogueShare.getOrDefault(f.pairKey(), 0.0)));
            }
        }
        out.sort(Comparator.comparingDouble(Shared::score).reversed());
        return out;
    }

    /** Candidate values that differ from what the history holds under the same attribute, most frequent first. */
    private List<Contrast> contrasts(SampleContext c) {
        List<Feature> cand = features(c.candidate());
        List<Contrast> out = new ArrayList<>();
        List<String> seenNames = new ArrayList<>();
        for (Feature f : cand) {
            if (seenNames.contains(f.nameKey())) {
                continue;
            }
            seenNames.add(f.nameKey());
            Map<String, Integer> historyValues = new LinkedHashMap<>();
            Map<String, String> historyPhrase = new HashMap<>();
            for (ProductFacts p : c.history()) {
                for (Feature hf : features(p)) {
                    if (hf.nameKey().equals(f.nameKey())) {
                        historyValues.merge(hf.valueKey(), 1, Integer::sum);
                        historyPhrase.putIfAbsent(hf.valueKey(), hf.phrase());
                    }
                }
            }
            boolean candidateValueSeen = cand.stream()
                    .anyMatch(x -> x.nameKey().equals(f.nameKey()) && historyValues.containsKey(x.valueKey()));
            if (historyValues.isEmpty() || candidateValueSeen) {
                continue;
            }
            Map.Entry<String, Integer> dominant = historyValues.entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElseThrow();
            double expected = c.history().size() * catalogueShare.getOrDefault(f.pairKey(), 0.0);
            out.add(new Contrast(historyPhrase.get(dominant.getKey()), f.phrase(), dominant.getValue(),
                    expected + dominant.getValue() / (double) c.history().size()));
        }
        Feature clash = consumerClash(c);
        if (out.isEmpty() && clash != null) {
            out.add(new Contrast(clash.phrase(), candidatePhraseFor(cand, clash.nameKey()), 0, 0));
        }
        out.sort(Comparator.comparingDouble(Contrast::score).reversed());
        return out;
    }

    /** A consumer trait under the same name as a candidate attribute but with another value. */
    private Feature consumerClash(SampleContext c) {
        List<Feature> cand = features(c.candidate());
        for (Attribute a : c.consumer().attributes()) {
            String n = AttributePhrases.key(a.name());
            String v = AttributePhrases.key(a.value());
            boolean sameName = cand.stream().anyMatch(f -> f.nameKey().equals(n));
            boolean sameValue = cand.stream().anyMatch(f -> f.nameKey().equals(n) && f.valueKey().equals(v));
            if (sameName && !sameValue) {
                return new Feature(n, v, AttributePhrases.phrase(a.name(), a.value()), AttributePhrases.isFlag(a.value()));
            }
        }
        return null;
    }

    private static String candidatePhraseFor(List<Feature> cand, String nameKey) {
        return cand.stream().filter(f -> f.nameKey().equals(nameKey)).map(Feature::phrase).findFirst().orElse("another profile");
    }

    private boolean has(ProductFacts p, Feature f) {
        for (Feature x : features(p)) {
            if (x.nameKey().equals(f.nameKey()) && x.valueKey().equals(f.valueKey())) {
                return true;
            }
        }
        return false;
    }

    private List<Feature> features(ProductFacts p) {
        return featureCache.computeIfAbsent(p.id(), id -> {
            List<Feature> out = new ArrayList<>(p.attributes().size());
            for (Attribute a : p.attributes()) {
                if (AttributePhrases.isMeasurement(a.value())) {
                    continue;
                }
                out.add(new Feature(AttributePhrases.key(a.name()), AttributePhrases.key(a.value()),
                        AttributePhrases.phrase(a.name(), spelling.shown(a.value())), AttributePhrases.isFlag(a.value())));
            }
            return List.copyOf(out);
        });
    }

    /** Flags (yes/no/none) say little about taste: they are used only when nothing else is there. */
    private static List<Feature> informative(List<Feature> fs) {
        List<Feature> out = new ArrayList<>(fs.size());
        for (Feature f : fs) {
            if (!f.flag()) {
                out.add(f);
            }
        }
        return out.isEmpty() ? fs : out;
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
