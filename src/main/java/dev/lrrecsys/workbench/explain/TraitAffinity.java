package dev.lrrecsys.workbench.explain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which product attribute values a consumer trait speaks for, in the wording the datasets use: a consumer's
 * budget is the restaurant's price, a social drinker wants a full bar, someone out with family a family
 * ambience. This is the everyday reading an LLM applies to the same attributes; it knows nothing of ratings.
 * A trait that names a product attribute with the same value (cuisine Mexican on both sides) fits in any domain.
 */
final class TraitAffinity {

    /** One consumer trait read as wanting some values of one product attribute (null map: the same value). */
    private record Rule(String trait, Set<String> productAttributes, Map<String, Set<String>> wanted) {
    }

    private static final Set<String> PRICE = Set.of("price");
    private static final Set<String> ALCOHOL = Set.of("alcohol");
    private static final Set<String> AMBIENCE = Set.of("ambience", "rambience");

    private static final List<Rule> RESTAURANT = List.of(
            new Rule("favourite cuisine", Set.of("cuisine", "rcuisine"), null),
            new Rule("budget", PRICE, Map.of("low", Set.of("low"), "medium", Set.of("medium"), "high", Set.of("high"))),
            new Rule("drink level", ALCOHOL, Map.of(
                    "abstemious", Set.of("none", "no alcohol served"),
                    "casual drinker", Set.of("beer wine", "wine beer"),
                    "social drinker", Set.of("full bar"))),
            new Rule("company", AMBIENCE, companyRule()),
            new Rule("ambience", AMBIENCE, companyRule()));

    private TraitAffinity() {
    }

    private static Map<String, Set<String>> companyRule() {
        return Map.of("solitary", Set.of("quiet"), "friends", Set.of("casual", "lively"),
                "partner", Set.of("romantic"), "family", Set.of("family", "familiar"));
    }

    /**
     * How the consumer's traits judge the candidate's value {@code valueKey} of attribute {@code attributeKey}
     * (both normalised by {@link AttributePhrases#key}): the fitting trait, the clashing trait, or null for each.
     */
    static Verdict judge(Domain domain, List<Attribute> traits, String attributeKey, String valueKey) {
        Attribute fit = null;
        Attribute clash = null;
        for (Attribute t : traits) {
            if (AttributePhrases.isFlag(t.value()) || AttributePhrases.isMeasurement(t.value())) {
                continue;
            }
            String name = AttributePhrases.key(t.name());
            String value = AttributePhrases.key(t.value());
            Set<String> wanted = wanted(domain, name, value, attributeKey);
            if (wanted == null) {
                continue;
            }
            if (wanted.contains(valueKey)) {
                fit = fit == null ? t : fit;
            } else if (clash == null) {
                clash = t;
            }
        }
        // A consumer may list several values of one trait (several cuisines): any fitting one outweighs the rest.
        return new Verdict(fit, fit == null ? clash : null);
    }

    /** The values of {@code attributeKey} the trait asks for, or null when the trait says nothing about it. */
    private static Set<String> wanted(Domain domain, String trait, String value, String attributeKey) {
        if (trait.equals(attributeKey)) {
            return Set.of(value);
        }
        if (domain == Domain.RESTAURANT) {
            for (Rule r : RESTAURANT) {
                if (r.trait().equals(trait) && r.productAttributes().contains(attributeKey)) {
                    return r.wanted() == null ? Set.of(value) : r.wanted().get(value);
                }
            }
        }
        return null;
    }

    /** A trait that fits the candidate's value, or one that clashes with it (at most one is set). */
    record Verdict(Attribute fit, Attribute clash) {
    }
}
