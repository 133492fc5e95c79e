package dev.lrrecsys.workbench.factors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One spelling per attribute value. {@link #key} folds case, punctuation and known aliases ("s.l.p.", "S.L.P.",
 * "SLP" and "San Luis Potosi" are one value), and an instance built from a project's values shows each key the
 * way most of its rows spell it, so that a sentence never names one value two ways.
 */
public final class CanonicalSpelling {

    /**
     * Known aliases, after folding: abbreviations the UCI data mixes with the full names, and word orders that
     * mean the same. Values outside this table are compared by their folded spelling only.
     */
    private static final Map<String, String> ALIASES = Map.of(
            "slp", "san luis potosi",
            "cd victoria", "ciudad victoria",
            "wine beer", "beer wine",
            "no alcohol", "no alcohol served");

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}&&[^+&/']]");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** Canonical key -> the spelling shown, when built from a project's values. */
    private final Map<String, String> shown;

    private CanonicalSpelling(Map<String, String> shown) {
        this.shown = shown;
    }

    /** Shows every value as its own row spells it (tidied): for callers that have no project's values. */
    public static CanonicalSpelling plain() {
        return new CanonicalSpelling(Map.of());
    }

    /** Shows each key the way most of these raw values spell it (ties: the alphabetically first spelling). */
    public static CanonicalSpelling of(Iterable<String> rawValues) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (String raw : rawValues) {
            if (raw != null) {
                counts.computeIfAbsent(key(raw), k -> new HashMap<>()).merge(tidy(raw), 1, Integer::sum);
            }
        }
        Map<String, String> shown = new HashMap<>();
        counts.forEach((k, spellings) -> shown.put(k, spellings.entrySet().stream()
                .min((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                        : Integer.compare(b.getValue(), a.getValue()))
                .orElseThrow().getKey()));
        return new CanonicalSpelling(shown);
    }

    /**
     * The value's identity: lower case, underscores and hyphens as spaces, punctuation dropped (so "s.l.p." is
     * "slp"), blanks collapsed, then known aliases replaced by the name they stand for.
     */
    public static String key(String raw) {
        if (raw == null) {
            return "";
        }
        String k = raw.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        // A decimal point inside a number is part of the number, not punctuation to drop.
        k = k.replaceAll("(?<=\\d)\\.(?=\\d)", "\u0000");
        k = PUNCTUATION.matcher(k).replaceAll(" ");
        k = BLANKS.matcher(k.replace('\u0000', '.')).replaceAll(" ").strip();
        // "s l p" is what dropping the dots of "s.l.p." leaves: single letters belong together.
        if (k.matches("(\\p{L} )+\\p{L}")) {
            k = k.replace(" ", "");
        }
        return ALIASES.getOrDefault(k, k);
    }

    /** The folded spellings that {@link #key} maps onto this canonical key besides itself ("slp" for "san luis potosi"). */
    public static List<String> aliasesOf(String canonicalKey) {
        List<String> out = new ArrayList<>();
        ALIASES.forEach((alias, target) -> {
            if (target.equals(canonicalKey)) {
                out.add(alias);
            }
        });
        return out;
    }

    /** The spelling shown for a raw value: the project's usual spelling of its key, else the value tidied. */
    public String shown(String raw) {
        String s = shown.get(key(raw));
        return s != null ? s : tidy(raw);
    }

    /**
     * A raw value as a sentence shows it: blanks and underscores tidied; one capitalised word (a cuisine, a genre)
     * keeps its capital, longer codes read better in lower case.
     */
    static String tidy(String raw) {
        String t = BLANKS.matcher(raw.strip().replace('_', ' ')).replaceAll(" ");
        return t.contains(" ") ? t.toLowerCase(Locale.ROOT) : t;
    }
}
