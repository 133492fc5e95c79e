package dev.lrrecsys.workbench.insight;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import dev.lrrecsys.workbench.explain.Domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits an explanation into keyword terms: single words and two-word phrases, lower-cased, with English stop
 * words (Lucene's EnglishAnalyzer set plus its Snowball list) and the template's own words removed. A phrase is
 * only formed from words that were adjacent in the sentence (never across a removed word).
 */
public final class KeywordTokenizer {

    /**
     * Words every explanation repeats because the prompt's template asks for them ("The consumer visited this
     * restaurant because..."), in every domain's wording: they say nothing about the product.
     */
    public static final Set<String> TEMPLATE_WORDS = Set.of(
            "consumer", "consumers", "customer", "customers", "user", "users", "person", "people",
            "restaurant", "restaurants", "hotel", "hotels", "movie", "movies", "film", "product", "products", "item", "place",
            "because", "visited", "visit", "visiting", "visits", "stayed", "stay", "watched", "watch", "purchased", "purchase",
            "bought", "buy", "chose", "choose", "would", "likely", "may", "might", "also", "since", "previously", "history",
            "past", "prefers", "preferred", "like", "likes", "liked", "enjoy", "enjoys", "enjoyed", "offers", "offer", "serves");

    private static final CharArraySet STOP_WORDS = buildStopWords();

    /** A parenthesised aside, not nested. */
    private static final java.util.regex.Pattern ASIDE = java.util.regex.Pattern.compile("\\([^()]*\\)");

    /** Where a clause ends: a phrase of two words is only formed inside one. */
    private static final java.util.regex.Pattern CLAUSE_BREAK = java.util.regex.Pattern.compile("[,;:()\\[\\]!?]|\\.(\\s|$)");

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new StopFilter(result, STOP_WORDS);
            return new TokenStreamComponents(source, result);
        }
    };

    /** The distinct terms of one text: what an explanation mentions, counted once however often it repeats them. */
    public Set<String> distinctTerms(String text) {
        return new java.util.LinkedHashSet<>(terms(text));
    }

    /**
     * The terms of one text in order: each kept word, then each phrase of two adjacent kept words. Phrases never
     * cross punctuation: "(drink level casual drinker), romantic ambience" gives "casual drinker" and "romantic
     * ambience", never "drinker romantic".
     */
    public List<String> terms(String text) {
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        // Asides in parentheses qualify a reason ("avoids full-bar alcohol (drink level abstemious)"): they say who the
        // consumer is, not what the product is, so they are no keywords of the product.
        for (String clause : CLAUSE_BREAK.split(ASIDE.matcher(text).replaceAll(", "))) {
            addTerms(clause, words, phrases);
        }
        words.addAll(phrases);
        return words;
    }

    private void addTerms(String clause, List<String> words, List<String> phrases) {
        try (TokenStream ts = analyzer.tokenStream("text", clause)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            String previous = null;
            while (ts.incrementToken()) {
                String word = term.toString();
                boolean keep = word.length() > 1 && !isNumber(word);
                // "ambience ambience" says nothing a single word does not: a word is never paired with itself.
                if (keep && previous != null && inc.getPositionIncrement() == 1 && !previous.equals(word)) {
                    phrases.add(previous + " " + word);
                }
                previous = keep ? word : null;
                if (keep) {
                    words.add(word);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isNumber(String word) {
        return word.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',');
    }

    private static CharArraySet buildStopWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        try (InputStream in = EnglishAnalyzer.class.getClassLoader()
                .getResourceAsStream("org/apache/lucene/analysis/snowball/english_stop.txt")) {
            if (in == null) {
                throw new IllegalStateException("Lucene's Snowball English stop list is missing from the class path");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            set.addAll(WordlistLoader.getSnowballWordSet(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        set.addAll(TEMPLATE_WORDS);
        for (Domain domain : Domain.values()) {
            // The sentence frame of every domain ("... did not stay at this hotel because ..."): derived from the
            // same words the prompts and the offline reasoner use, so a new domain needs no list here.
            for (String frame : List.of(domain.noun(), domain.plural(), domain.pastVerb(), domain.baseVerb())) {
                for (String word : frame.split(" ")) {
                    set.add(word);
                }
            }
        }
        return CharArraySet.unmodifiableSet(set);
    }
}
