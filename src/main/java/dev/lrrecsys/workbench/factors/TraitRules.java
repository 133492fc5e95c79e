package dev.lrrecsys.workbench.factors;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which product attribute values a consumer trait speaks for, in the wording the datasets use: a consumer's
 * budget is the restaurant's price, a social drinker wants a full bar, someone out with family a family
 * ambience. This is the everyday reading an LLM applies to the same attributes; it knows nothing of ratings.
 * A trait that names a product attribute (cuisine on both sides) asks for the same value in any domain.
 * Keys are {@link CanonicalSpelling#key canonical keys}.
 */
public final class TraitRules {

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
                    "casual drinker", Set.of("beer wine"),
                    "social drinker", Set.of("full bar"))),
            new Rule("company", AMBIENCE, companyRule()),
            new Rule("ambience", AMBIENCE, companyRule()));

    private TraitRules() {
    }

    private static Map<String, Set<String>> companyRule() {
        return Map.of("solitary", Set.of("quiet"), "friends", Set.of("casual", "lively"),
                "partner", Set.of("romantic"), "family", Set.of("family", "familiar"));
    }

    /**
     * The values of product attribute {@code attributeKey} that the consumer trait {@code trait} = {@code value}
     * asks for, or null when the trait says nothing about that attribute.
     *
     * @param domainKey the dataset's domain ("restaurant", "movie", ...): restaurant rules apply to restaurants only
     */
    public static Set<String> wanted(String domainKey, String trait, String value, String attributeKey) {
        if (trait.equals(attributeKey)) {
            return Set.of(value);
        }
        if ("restaurant".equals(domainKey)) {
            for (Rule r : RESTAURANT) {
                if (r.trait().equals(trait) && r.productAttributes().contains(attributeKey)) {
                    return r.wanted() == null ? Set.of(value) : r.wanted().get(value);
                }
            }
        }
        return null;
    }
}
