package dev.lrrecsys.workbench.explain;

import java.util.Locale;
import java.util.Set;

/** Turns raw attribute pairs into short English phrases ("Mexican cuisine", "low price", "no parking"). */
final class AttributePhrases {

    private static final Set<String> YES = Set.of("t", "true", "yes", "y", "1");
    private static final Set<String> NO = Set.of("f", "false", "no", "n", "0", "none");
    private static final int MAX_WORDS = 6;

    private AttributePhrases() {
    }

    static String key(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
    }

    /** True for values such as yes/no/none that say nothing on their own and must not count as a shared taste. */
    static boolean isFlag(String value) {
        String k = key(value);
        return YES.contains(k) || NO.contains(k);
    }

    /**
     * Values with digits (coordinates, opening hours, counts) are measurements, not tastes: "23.75 latitude"
     * explains nothing, so the reasoner leaves them out.
     */
    static boolean isMeasurement(String value) {
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

    static String phrase(String name, String value) {
        String n = key(name);
        String raw = value == null ? "" : value.strip().replace('_', ' ').replaceAll("\\s+", " ");
        String v = key(value);
        if (YES.contains(v)) {
            return shorten(n);
        }
        if (NO.contains(v)) {
            return shorten("no " + n);
        }
        // One capitalised word (a cuisine, a genre) keeps its capital; longer codes read better in lower case.
        String shown = raw.contains(" ") ? raw.toLowerCase(Locale.ROOT) : raw;
        if (n.isEmpty() || v.contains(n) || n.contains(v)) {
            return shorten(shown);
        }
        return shorten(shown + " " + n);
    }

    private static String shorten(String s) {
        String[] words = s.split(" ");
        if (words.length <= MAX_WORDS) {
            return s;
        }
        return String.join(" ", java.util.Arrays.copyOf(words, MAX_WORDS));
    }
}
