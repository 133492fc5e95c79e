package dev.lrrecsys.workbench.ingest;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Repairs words in which an earlier lossy conversion replaced an accented letter by U+FFFD (the copy of
 * geoplaces2.csv we ship has "El Rinc\uFFFDn de San Francisco"): when the same file spells exactly one
 * word that fits, with one non-ASCII letter per lost one ("Rincón" in "Cenaduria El Rincón de
 * Tlaquepaque"), that spelling is used. Words it cannot resolve stay as they are.
 */
final class LostCharacterRepair {

    static final char LOST = '\uFFFD';

    private final Set<String> intactWords = new HashSet<>();

    /** Learns the intact non-ASCII words of a text. */
    void learn(String text) {
        if (text == null) {
            return;
        }
        for (String w : text.split("[^\\p{L}\\p{M}\\uFFFD]+")) {
            if (w.indexOf(LOST) < 0 && !w.chars().allMatch(c -> c < 0x80)) {
                intactWords.add(w);
            }
        }
    }

    /** The text with each repairable damaged word replaced by its intact spelling. */
    String repair(String text) {
        if (text == null || text.indexOf(LOST) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        var m = Pattern.compile("[\\p{L}\\p{M}\\uFFFD]+").matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            out.append(repairWord(m.group()));
            last = m.end();
        }
        out.append(text.substring(last));
        return out.toString();
    }

    private String repairWord(String word) {
        if (word.indexOf(LOST) < 0) {
            return word;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : word.toCharArray()) {
            regex.append(c == LOST ? "[^\\x00-\\x7F]" : Pattern.quote(String.valueOf(c)));
        }
        Pattern p = Pattern.compile(regex.toString());
        Set<String> fits = new TreeSet<>();
        for (String w : intactWords) {
            if (p.matcher(w).matches()) {
                fits.add(w);
            }
        }
        return fits.size() == 1 ? fits.iterator().next() : word;
    }
}
