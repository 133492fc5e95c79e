package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded, deterministic explanation writer (no LLM): the positive sentence comes from what the
 * candidate shares with the consumer's history (and consumer traits it fits), the negative one from what
 * contrasts with it. Its input, {@link SampleContext}, carries no rating, so it cannot use one. Wording varies
 * with the sample id so that sentences are not all alike, but the same sample always gets the same text.
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

    private final Map<Integer, List<Feature>> featureCache = new ConcurrentHashMap<>();
    /** Share of catalogue products having each name/value pair: what a history holds by chance. */
    private final Map<String, Double> catalogueShare = new HashMap<>();

    /** A reasoner that ranks attributes by their count alone. */
    public OfflineContrastiveReasoner() {
    }

    /**
     * A reasoner that knows how common each attribute value is in the catalogue, so that a history full of a
     * rare value counts for more than one full of a value every product has, and the absence of a common value
     * from the history reads as avoidance.
     */
    public OfflineContrastiveReasoner(Iterable<ProductFacts> catalogue) {
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
        Domain d = c.domain();
        int h = c.history().size();
        List<Shared> shared = shared(c);
        Feature fit = consumerFit(c);
        int pick = pick(c.sampleId(), 0);
        String consumer;
        String product;
        if (!shared.isEmpty()) {
            Shared s1 = shared.get(0);
            String others = shared.size() > 1 ? join(List.of(s1.feature().phrase(), shared.get(1).feature().phrase()))
                    : s1.feature().phrase();
            consumer = switch (pick) {
                case 0 -> "has chosen " + s1.feature().phrase() + " in " + ofLast(s1.count(), h, d);
                case 1 -> "keeps coming back to " + s1.feature().phrase();
                default -> "has a clear taste for " + s1.feature().phrase() + " (" + s1.count() + " of " + h
                        + " recent " + d.plural() + ")";
            };
            if (fit != null && !fit.pairKey().equals(s1.feature().pairKey())) {
                consumer = "prefers " + fit.phrase() + " and " + consumer;
            }
            product = switch (pick) {
                case 0 -> "offers " + others;
                case 1 -> "has " + others + " like the consumer's earlier " + d.plural();
                default -> "matches that with " + others;
            };
        } else if (fit != null) {
            consumer = "prefers " + fit.phrase();
            product = "offers " + fit.phrase();
        } else {
            List<Feature> fs = informative(features(c.candidate()));
            consumer = "is trying something new after " + h + " different " + (h == 1 ? d.noun() : d.plural());
            product = fs.isEmpty() ? "is a fresh option" : "offers " + fs.get(0).phrase();
        }
        return Side.POSITIVE.opening(d) + " the consumer " + consumer + " and the " + d.noun() + " " + product + ".";
    }

    String negative(SampleContext c) {
        Domain d = c.domain();
        int h = c.history().size();
        List<Contrast> contrasts = contrasts(c);
        int pick = pick(c.sampleId(), 1);
        String consumer;
        String product;
        if (!contrasts.isEmpty()) {
            Contrast c1 = contrasts.get(0);
            String cand = contrasts.size() > 1 ? join(List.of(c1.candidatePhrase(), contrasts.get(1).candidatePhrase()))
                    : c1.candidatePhrase();
            consumer = switch (pick) {
                case 0 -> "usually chooses " + c1.historyPhrase();
                case 1 -> "has mostly gone for " + c1.historyPhrase() + " (" + c1.count() + " of " + h + ")";
                default -> "sticks to " + c1.historyPhrase();
            };
            product = switch (pick) {
                case 0 -> "has " + cand;
                case 1 -> "offers " + cand + " instead";
                default -> "comes with " + cand;
            };
        } else {
            List<Shared> shared = shared(c);
            if (!shared.isEmpty()) {
                Shared s1 = shared.get(0);
                consumer = "may want a change after " + s1.count() + " " + (s1.count() == 1 ? d.noun() : d.plural())
                        + " with " + s1.feature().phrase();
                product = "offers " + s1.feature().phrase() + " once more";
            } else {
                consumer = "shows no taste this " + d.noun() + " answers";
                product = "shares nothing with the consumer's previous " + d.plural();
            }
        }
        return Side.NEGATIVE.opening(d) + " the consumer " + consumer + " and the " + d.noun() + " " + product + ".";
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

    /** A consumer trait whose value equals one of the candidate's values (e.g. cuisine Mexican on both sides). */
    private Feature consumerFit(SampleContext c) {
        List<Feature> cand = informative(features(c.candidate()));
        for (Attribute a : c.consumer().attributes()) {
            if (AttributePhrases.isFlag(a.value())) {
                continue;
            }
            String v = AttributePhrases.key(a.value());
            for (Feature f : cand) {
                if (f.valueKey().equals(v)) {
                    return f;
                }
            }
        }
        return null;
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
                        AttributePhrases.phrase(a.name(), a.value()), AttributePhrases.isFlag(a.value())));
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

    private static String ofLast(int count, int h, Domain d) {
        if (count == h) {
            return h == 1 ? "the last " + d.noun() : "all of the last " + h + " " + d.plural();
        }
        return count + " of the last " + h + " " + d.plural();
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** A stable pseudo-random choice among three wordings per sample and side. */
    private static int pick(long sampleId, int salt) {
        long z = sampleId * 0x9E3779B97F4A7C15L + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) Math.floorMod(z ^ (z >>> 31), 3L);
    }
}
