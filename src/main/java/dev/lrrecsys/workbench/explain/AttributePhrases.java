package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.factors.AttributeWording;
import dev.lrrecsys.workbench.factors.CanonicalSpelling;

/**
 * Turns raw attribute pairs into short English phrases ("Mexican cuisine", "low price", "no parking"); the
 * wording and the canonical keys live in {@code factors}, which key factors and quality measures share.
 */
final class AttributePhrases {

    private AttributePhrases() {
    }

    static String key(String s) {
        return CanonicalSpelling.key(s);
    }

    static boolean isFlag(String value) {
        return AttributeWording.isFlag(value);
    }

    static boolean isMeasurement(String value) {
        return AttributeWording.isMeasurement(value);
    }

    static String phrase(String name, String value) {
        return AttributeWording.phrase(name, value);
    }
}
