package dev.lrrecsys.workbench.factors;

import java.util.Locale;

/**
 * One candidate factor an explanation can name: a product attribute value, a consumer trait, a trait that fits
 * or clashes with a product value, or what the consumer's recent history says about a value.
 *
 * @param index     its position in the {@link FactorCatalogue} (the feature index in mask training)
 * @param key       its identity in canonical spelling, e.g. {@code fit|budget|price|low}
 * @param attribute the product attribute it names (canonical key), null for a trait
 * @param value     the canonical key of the product value it names, or of the trait's value
 * @param trait     the consumer trait name involved (canonical key), null for value and history factors
 * @param label     how views and sentences name it, in the project's usual spelling
 */
public record Factor(int index, Kind kind, String key, String attribute, String value, String trait, String label) {

    /** What makes a factor true for a sample. */
    public enum Kind {
        /** The candidate has the value. */
        VALUE,
        /** The consumer has the trait. */
        TRAIT,
        /** The candidate has the value and one of the consumer's values of the trait asks for it. */
        FIT,
        /** The candidate has the value and the consumer's values of the trait ask for others of that attribute. */
        CLASH,
        /** The candidate has the value and the consumer's recent history holds it more often than chance. */
        HISTORY_FIT,
        /** The candidate has the value, the history never does and holds a clear habit of another one. */
        HISTORY_CLASH;

        /** The key_factor.kind column: value, trait, fit, clash, history-fit, history-clash. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** True when the factor names a product value, which is what a sentence and the quality measures name. */
    public boolean namesProductValue() {
        return kind != Kind.TRAIT;
    }

    /** The named product value as one token of identity: attribute and value keys. */
    public String valueIdentity() {
        return attribute + '=' + value;
    }
}
