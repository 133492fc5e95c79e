package dev.lrrecsys.workbench.factors;

import java.util.Arrays;
import java.util.Set;

/**
 * How attribute values read: which ones are flags (yes/no) or measurements (digits) and so say nothing about
 * taste, and the short English phrase of a name/value pair ("Mexican cuisine", "low price", "no parking").
 */
public final class AttributeWording {

    private static final Set<String> YES = Set.of("t", "true", "yes", "y", "1");
    private static final Set<String> NO = Set.of("f", "false", "no", "n", "0", "none");
    private static final int MAX_WORDS = 6;

    private AttributeWording() {
    }

    /** True for values such as yes/no/none that say nothing on their own and must not count as a shared taste. */
    public static boolean isFlag(String value) {
        String k = CanonicalSpelling.key(value);
        return YES.contains(k) || NO.contains(k);
    }

    /**
     * Values with digits (coordinates, opening hours, counts) are measurements, not tastes: "23.75 latitude"
     * explains nothing.
     */
    public static boolean isMeasurement(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The phrase of a pair whose value is already in its shown spelling. */
    public static String phrase(String name, String shownValue) {
        String n = CanonicalSpelling.key(name);
        String v = CanonicalSpelling.key(shownValue);
        if (YES.contains(v)) {
            return shorten(n);
        }
        if (NO.contains(v)) {
            return shorten("no " + n);
        }
        String shown = CanonicalSpelling.tidy(shownValue == null ? "" : shownValue);
        if (n.isEmpty() || v.contains(n) || n.contains(v)) {
            return shorten(shown);
        }
        return shorten(shown + " " + n);
    }

    private static String shorten(String s) {
        String[] words = s.split(" ");
        return words.length <= MAX_WORDS ? s : String.join(" ", Arrays.copyOf(words, MAX_WORDS));
    }
}
