package dev.lrrecsys.workbench.factors;

import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExplanationInputRepository;
import dev.lrrecsys.workbench.store.ExplanationInputRepository.AttributeRow;
import dev.lrrecsys.workbench.store.ExplanationInputRepository.ProductRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The candidate factors of one project, read from its attributes, and which of them are on for a sample
 * (consumer, candidate, history). It reads what the offline reasoner reads: the candidate's values, the
 * consumer's traits through {@link TraitRules}, and how often the last products hold a value against the
 * catalogue's share of it. Values are compared by {@link CanonicalSpelling#key}; measurements (values with
 * digits: coordinates, hours, age bands) are left out as they name no taste.
 */
public final class FactorCatalogue {

    /** One distinct product value. */
    private record Value(String attribute, String value, String phrase, boolean flag) {
    }

    private final String domainKey;
    private final CanonicalSpelling spelling;
    private final List<Factor> factors = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();
    private final List<Value> values = new ArrayList<>();
    private final Map<String, Integer> valueIds = new HashMap<>();
    private final double[] share;
    /** product id -> its value ids (sorted, distinct). */
    private final Map<Integer, int[]> productValues = new HashMap<>();
    /** consumer id -> trait name -> the trait's value keys. */
    private final Map<Integer, Map<String, List<String>>> consumerTraits = new HashMap<>();
    /** consumer id -> its trait factor indexes. */
    private final Map<Integer, int[]> consumerTraitFactors = new HashMap<>();
    private final int[] valueFactor;
    private final int[] historyFitFactor;
    private final int[] historyClashFactor;
    /** trait name + value id -> fit and clash factor indexes. */
    private final Map<String, int[]> pairFactors = new HashMap<>();
    /** attribute key -> its value ids: where a habit can be read. */
    private final Map<String, List<Integer>> valuesOfAttribute = new HashMap<>();

    /**
     * @param products  product id -> attributes as imported
     * @param consumers consumer id -> attributes as imported (empty where the dataset has none)
     */
    public FactorCatalogue(String domainKey, Map<Integer, List<AttributeRow>> products,
                           Map<Integer, List<AttributeRow>> consumers) {
        this.domainKey = domainKey;
        List<String> spellings = new ArrayList<>();
        products.values().forEach(rows -> rows.forEach(r -> spellings.add(readable(r.value()))));
        consumers.values().forEach(rows -> rows.forEach(r -> spellings.add(r.value())));
        this.spelling = CanonicalSpelling.of(spellings);
        // Values in a stable order, so that factor indexes do not depend on hash order.
        Map<String, Value> distinct = new java.util.TreeMap<>();
        for (List<AttributeRow> rows : products.values()) {
            for (AttributeRow r : rows) {
                String raw = readable(r.value());
                if (raw == null) {
                    continue;
                }
                String a = CanonicalSpelling.key(r.name());
                String v = CanonicalSpelling.key(raw);
                distinct.putIfAbsent(a + '=' + v, new Value(a, v,
                        AttributeWording.phrase(r.name(), spelling.shown(raw)), AttributeWording.isFlag(raw)));
            }
        }
        for (Map.Entry<String, Value> e : distinct.entrySet()) {
            valueIds.put(e.getKey(), values.size());
            valuesOfAttribute.computeIfAbsent(e.getValue().attribute(), k -> new ArrayList<>()).add(values.size());
            values.add(e.getValue());
        }
        int[] counts = new int[values.size()];
        products.forEach((id, rows) -> {
            int[] ids = rows.stream()
                    .filter(r -> readable(r.value()) != null)
                    .mapToInt(r -> valueIds.get(CanonicalSpelling.key(r.name()) + '=' + CanonicalSpelling.key(readable(r.value()))))
                    .distinct().sorted().toArray();
            productValues.put(id, ids);
            for (int v : ids) {
                counts[v]++;
            }
        });
        share = new double[values.size()];
        for (int v = 0; v < share.length; v++) {
            share[v] = products.isEmpty() ? 0 : (double) counts[v] / products.size();
        }
        valueFactor = new int[values.size()];
        for (int v = 0; v < values.size(); v++) {
            Value x = values.get(v);
            valueFactor[v] = add(Factor.Kind.VALUE, "value|" + x.attribute() + '|' + x.value(), x.attribute(), x.value(), null, x.phrase());
        }
        // Traits: every non-measurement consumer value, as a factor of its own.
        Map<String, String> traitLabels = new java.util.TreeMap<>();
        consumers.forEach((id, rows) -> {
            Map<String, List<String>> traits = new LinkedHashMap<>();
            for (AttributeRow r : rows) {
                if (AttributeWording.isMeasurement(r.value()) || AttributeWording.isFlag(r.value())) {
                    continue;
                }
                String n = CanonicalSpelling.key(r.name());
                String v = CanonicalSpelling.key(r.value());
                traits.computeIfAbsent(n, k -> new ArrayList<>()).add(v);
                traitLabels.putIfAbsent(n + '|' + v, n + " " + spelling.shown(r.value()));
            }
            consumerTraits.put(id, traits);
        });
        Map<String, Integer> traitFactor = new HashMap<>();
        traitLabels.forEach((k, label) -> {
            String[] nv = k.split("\\|", 2);
            traitFactor.put(k, add(Factor.Kind.TRAIT, "trait|" + k, null, nv[1], nv[0], label));
        });
        consumerTraits.forEach((id, traits) -> {
            List<Integer> fs = new ArrayList<>();
            traits.forEach((n, vs) -> vs.forEach(v -> fs.add(traitFactor.get(n + '|' + v))));
            consumerTraitFactors.put(id, fs.stream().mapToInt(Integer::intValue).distinct().sorted().toArray());
        });
        // Fit/clash pairs: a trait name and a product value its rules speak about.
        Map<String, Set<String>> traitValues = new java.util.TreeMap<>();
        consumerTraits.values().forEach(t -> t.forEach((n, vs) ->
                traitValues.computeIfAbsent(n, k -> new java.util.TreeSet<>()).addAll(vs)));
        traitValues.forEach((trait, vs) -> {
            for (int v = 0; v < values.size(); v++) {
                Value x = values.get(v);
                boolean speaks = false;
                for (String tv : vs) {
                    if (TraitRules.wanted(domainKey, trait, tv, x.attribute()) != null) {
                        speaks = true;
                        break;
                    }
                }
                if (speaks) {
                    int fit = add(Factor.Kind.FIT, "fit|" + trait + '|' + x.attribute() + '|' + x.value(),
                            x.attribute(), x.value(), trait, x.phrase() + " fits " + trait);
                    int clash = add(Factor.Kind.CLASH, "clash|" + trait + '|' + x.attribute() + '|' + x.value(),
                            x.attribute(), x.value(), trait, x.phrase() + " clashes with " + trait);
                    pairFactors.put(trait + '|' + v, new int[]{fit, clash});
                }
            }
        });
        historyFitFactor = new int[values.size()];
        historyClashFactor = new int[values.size()];
        Arrays.fill(historyFitFactor, -1);
        Arrays.fill(historyClashFactor, -1);
        for (int v = 0; v < values.size(); v++) {
            Value x = values.get(v);
            if (x.flag()) {
                continue;
            }
            historyFitFactor[v] = add(Factor.Kind.HISTORY_FIT, "history-fit|" + x.attribute() + '|' + x.value(),
                    x.attribute(), x.value(), null, x.phrase() + " as in the history");
            historyClashFactor[v] = add(Factor.Kind.HISTORY_CLASH, "history-clash|" + x.attribute() + '|' + x.value(),
                    x.attribute(), x.value(), null, x.phrase() + " unlike the history");
        }
    }

    /**
     * The value as a factor reads it, or null for a measurement: a year (MovieLens has only genres and years) reads
     * as its decade ("1990s"), which is a taste; other values with digits (coordinates, hours) say nothing.
     */
    static String readable(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.strip();
        if (t.matches("(18|19|20)\\d\\d")) {
            return t.substring(0, 3) + "0s";
        }
        return AttributeWording.isMeasurement(t) ? null : t;
    }

    /** The catalogue of the project behind this database. */
    public static FactorCatalogue load(Database db, String domainKey) {
        ExplanationInputRepository repo = new ExplanationInputRepository();
        return db.read(tx -> {
            Map<Integer, List<AttributeRow>> products = new HashMap<>();
            for (ProductRow p : repo.products(tx).values()) {
                products.put(p.id(), p.attributes());
            }
            return new FactorCatalogue(domainKey, products, repo.consumerAttributes(tx));
        });
    }

    private int add(Factor.Kind kind, String key, String attribute, String value, String trait, String label) {
        int index = factors.size();
        factors.add(new Factor(index, kind, key, attribute, value, trait, label));
        byKey.put(key, index);
        return index;
    }

    public List<Factor> factors() {
        return List.copyOf(factors);
    }

    public int size() {
        return factors.size();
    }

    public Factor factor(int index) {
        return factors.get(index);
    }

    /** The factor with this key, or null. */
    public Factor factor(String key) {
        Integer i = byKey.get(key);
        return i == null ? null : factors.get(i);
    }

    /** True when no product has a value a factor could name (every attribute a measurement, or none at all). */
    public boolean hasNoProductValues() {
        return values.isEmpty();
    }

    public String domainKey() {
        return domainKey;
    }

    public CanonicalSpelling spelling() {
        return spelling;
    }

    /** The product's values as canonical attribute=value identities (what quality measures compare). */
    public List<String> valueIdentities(int productId) {
        List<String> out = new ArrayList<>();
        for (int v : productValues.getOrDefault(productId, new int[0])) {
            out.add(values.get(v).attribute() + '=' + values.get(v).value());
        }
        return out;
    }

    /** The phrase of a named value ("Thai cuisine"), by its attribute=value identity, or null. */
    public String phraseOf(String valueIdentity) {
        Integer v = valueIds.get(valueIdentity);
        return v == null ? null : values.get(v).phrase();
    }

    /** Every distinct product value: identity -> phrase (what quality measures look for in sentences). */
    public Map<String, String> valuePhrases() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Value v : values) {
            out.put(v.attribute() + '=' + v.value(), v.phrase());
        }
        return out;
    }

    /** The consumer's trait value keys by trait name (canonical keys; measurements and flags left out). */
    public Map<String, List<String>> traits(int consumerId) {
        return consumerTraits.getOrDefault(consumerId, Map.of());
    }

    /** How many of the history products hold the candidate's value of this factor. */
    public int historyCount(Factor f, int[] history) {
        Integer v = valueIds.get(f.valueIdentity());
        if (v == null) {
            return 0;
        }
        int n = 0;
        for (int p : history) {
            if (p >= 0 && Arrays.binarySearch(productValues.getOrDefault(p, new int[0]), v) >= 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * How many more of the history products hold this factor's value than chance would give them (the value's share
     * of all products times the history's length); negative when fewer do. 0 for a factor without a product value.
     */
    public double historySurplus(Factor f, int[] history) {
        Integer v = valueIds.get(f.valueIdentity());
        if (v == null) {
            return 0;
        }
        int h = 0;
        for (int p : history) {
            h += p >= 0 ? 1 : 0;
        }
        return historyCount(f, history) - h * share[v];
    }

    /**
     * The factors that are on for one sample, ascending.
     *
     * @param history the history product ids (negative ids are padding and skipped)
     */
    public int[] active(int consumerId, int productId, int[] history) {
        int[] cand = productValues.getOrDefault(productId, new int[0]);
        Map<String, List<String>> traits = consumerTraits.getOrDefault(consumerId, Map.of());
        int h = 0;
        Map<Integer, Integer> historyCounts = new HashMap<>();
        for (int p : history) {
            if (p < 0) {
                continue;
            }
            h++;
            for (int v : productValues.getOrDefault(p, new int[0])) {
                historyCounts.merge(v, 1, Integer::sum);
            }
        }
        int[] out = new int[cand.length * (2 + traits.size()) + consumerTraitFactors.getOrDefault(consumerId, new int[0]).length];
        int n = 0;
        for (int t : consumerTraitFactors.getOrDefault(consumerId, new int[0])) {
            out[n++] = t;
        }
        for (int v : cand) {
            Value x = values.get(v);
            out[n++] = valueFactor[v];
            for (Map.Entry<String, List<String>> t : traits.entrySet()) {
                int[] pair = pairFactors.get(t.getKey() + '|' + v);
                if (pair == null) {
                    continue;
                }
                Boolean fits = null;
                for (String tv : t.getValue()) {
                    Set<String> wanted = TraitRules.wanted(domainKey, t.getKey(), tv, x.attribute());
                    if (wanted != null) {
                        // Several values of one trait (several cuisines): any fitting one outweighs the rest.
                        fits = wanted.contains(x.value()) || Boolean.TRUE.equals(fits);
                    }
                }
                if (fits != null) {
                    out[n++] = fits ? pair[0] : pair[1];
                }
            }
            if (x.flag() || h == 0) {
                continue;
            }
            int count = historyCounts.getOrDefault(v, 0);
            if (count >= 2 && count >= h * share[v] + 1) {
                out[n++] = historyFitFactor[v];
            } else if (count == 0 && hasHabit(x.attribute(), v, historyCounts, h)) {
                out[n++] = historyClashFactor[v];
            }
        }
        int[] result = Arrays.copyOf(out, n);
        Arrays.sort(result);
        return result;
    }

    /** A clear habit under the attribute: another value held by at least two items and one more than chance. */
    private boolean hasHabit(String attribute, int candidateValue, Map<Integer, Integer> historyCounts, int h) {
        for (int other : valuesOfAttribute.getOrDefault(attribute, List.of())) {
            if (other == candidateValue || values.get(other).flag()) {
                continue;
            }
            int c = historyCounts.getOrDefault(other, 0);
            if (c >= 2 && c >= h * share[other] + 1) {
                return true;
            }
        }
        return false;
    }
}
