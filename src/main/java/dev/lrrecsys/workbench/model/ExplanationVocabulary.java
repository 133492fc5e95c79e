package dev.lrrecsys.workbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words of the explanation autoencoder: a tokenizer (lowercase words, punctuation stripped) and the
 * word-to-id table built from training-split sentences only. Id 0 is padding, id 1 stands for every word
 * that is rare or unseen in training.
 */
public final class ExplanationVocabulary {

    public static final int PAD = 0;
    public static final int UNKNOWN = 1;
    static final String PAD_TOKEN = "<pad>";
    static final String UNKNOWN_TOKEN = "<unk>";

    private final List<String> words;
    private final Map<String, Integer> ids = new HashMap<>();

    ExplanationVocabulary(List<String> words) {
        this.words = List.copyOf(words);
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), i);
        }
    }

    /**
     * Counts the words of the training sentences and keeps those seen at least {@code minCount} times,
     * most frequent first (ties alphabetically), at most {@code maxSize} entries including the two
     * special tokens.
     */
    public static ExplanationVocabulary build(Collection<String> trainingSentences, int minCount, int maxSize) {
        Map<String, Integer> counts = new HashMap<>();
        for (String s : trainingSentences) {
            for (String w : tokenize(s)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minCount) {
                kept.add(e);
            }
        }
        kept.sort(Map.Entry.<String, Integer>comparingByValue(Collections.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> words = new ArrayList<>(List.of(PAD_TOKEN, UNKNOWN_TOKEN));
        for (Map.Entry<String, Integer> e : kept) {
            if (words.size() >= Math.max(2, maxSize)) {
                break;
            }
            words.add(e.getKey());
        }
        return new ExplanationVocabulary(words);
    }

    /** Lowercase words; anything that is not a letter, digit or inner apostrophe separates them. */
    public static List<String> tokenize(String sentence) {
        if (sentence == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String raw : sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            String w = raw.replaceAll("^'+|'+$", "");
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    public int size() {
        return words.size();
    }

    public int id(String word) {
        return ids.getOrDefault(word, UNKNOWN);
    }

    public String word(int id) {
        return words.get(id);
    }

    List<String> words() {
        return words;
    }

    /** The sentence as {@code positions} ids, truncated or right-padded with {@link #PAD}. */
    public int[] encode(String sentence, int positions) {
        int[] out = new int[positions];
        Arrays.fill(out, PAD);
        List<String> tokens = tokenize(sentence);
        for (int i = 0; i < Math.min(positions, tokens.size()); i++) {
            out[i] = id(tokens.get(i));
        }
        return out;
    }
}
