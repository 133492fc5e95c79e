package dev.lrrecsys.workbench.insight;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which words of each text the other texts of a comparison lack, so side-by-side columns can highlight what
 * differs (case-insensitive, punctuation ignored).
 */
public final class WordDifference {

    private WordDifference() {
    }

    /** Splits a text into words and the separators between them, keeping everything so it can be re-joined. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean word = Character.isLetterOrDigit(c) || c == '\'' || c == '-';
            if (current.length() > 0 && word != inWord) {
                out.add(current.toString());
                current.setLength(0);
            }
            current.append(c);
            inWord = word;
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /** For each text, the lower-cased words that appear in none of the other texts. */
    public static List<Set<String>> unique(List<String> texts) {
        List<Set<String>> words = new ArrayList<>();
        for (String t : texts) {
            Set<String> w = new HashSet<>();
            for (String token : tokens(t)) {
                if (Character.isLetterOrDigit(token.charAt(0))) {
                    w.add(token.toLowerCase(Locale.ROOT));
                }
            }
            words.add(w);
        }
        List<Set<String>> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Set<String> mine = new HashSet<>(words.get(i));
            for (int j = 0; j < words.size(); j++) {
                if (j != i) {
                    mine.removeAll(words.get(j));
                }
            }
            out.add(mine);
        }
        return out;
    }
}
