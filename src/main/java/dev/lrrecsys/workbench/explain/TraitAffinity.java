package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.factors.TraitRules;

import java.util.List;
import java.util.Set;

/**
 * Which product attribute values a consumer trait speaks for, in the wording the datasets use: a consumer's
 * budget is the restaurant's price, a social drinker wants a full bar, someone out with family a family
 * ambience. This is the everyday reading an LLM applies to the same attributes; it knows nothing of ratings.
 * A trait that names a product attribute with the same value (cuisine Mexican on both sides) fits in any domain.
 * The rules live in {@link TraitRules} (package factors), which candidate factors read too.
 */
final class TraitAffinity {

    private TraitAffinity() {
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
        return TraitRules.wanted(domain.key(), trait, value, attributeKey);
    }

    /** A trait that fits the candidate's value, or one that clashes with it (at most one is set). */
    record Verdict(Attribute fit, Attribute clash) {
    }
}
