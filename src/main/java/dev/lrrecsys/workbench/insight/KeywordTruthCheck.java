package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.store.GroundTruthRepository;
import dev.lrrecsys.workbench.store.GroundTruthRepository.DislikedValue;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.store.KeywordRepository.ProductMentions;
import dev.lrrecsys.workbench.store.KeywordRepository.Source;
import dev.lrrecsys.workbench.store.Tx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * On a synthetic world (which knows every consumer's hidden preferences): do a restaurant's top negative keywords
 * name what its visitors really dislike? The truth of a restaurant is the set of its attribute values disliked by
 * the most visitors (the {@value #TRUTH_VALUES} with the most dislikers, ties at the cut kept, at least one disliker
 * each); a keyword hits when one of its words is a word of such a value ("lively", "lively ambience" for ambience =
 * lively). Precision@K is the share of the top K keywords that hit, averaged over restaurants with at least
 * {@value #MIN_EXPLANATIONS} negative explanations. Definition in docs/ui.md ("Keywords against the ground truth").
 */
public final class KeywordTruthCheck {

    static final int TRUTH_VALUES = 3;
    static final int MIN_EXPLANATIONS = 20;

    /** Mean precision@k over the restaurants that qualified. */
    public record Result(KeywordRanking ranking, int k, double meanPrecision, int restaurants) {
    }

    private final KeywordRepository keywords = new KeywordRepository();
    private final GroundTruthRepository truth = new GroundTruthRepository();
    private final KeywordAggregator aggregator = new KeywordAggregator();
    private final KeywordTokenizer tokenizer = new KeywordTokenizer();

    /** Empty when the project has no ground truth (anything but a synthetic world). */
    public Optional<Result> negativePrecision(Tx tx, Source source, KeywordRanking ranking, int k) throws Exception {
        if (!truth.present(tx)) {
            return Optional.empty();
        }
        Map<Integer, Set<String>> truthWords = truthWords(truth.dislikedValues(tx));
        double sum = 0;
        int restaurants = 0;
        for (ProductMentions product : keywords.products(tx, source)) {
            if (product.negative() < MIN_EXPLANATIONS) {
                continue;
            }
            List<Keyword> top = aggregator.forProduct(tx, source, product.id(), "negative", ranking, k).keywords();
            Set<String> words = truthWords.getOrDefault(product.id(), Set.of());
            long hits = top.stream().filter(kw -> hits(kw.term(), words)).count();
            sum += (double) hits / k;
            restaurants++;
        }
        return Optional.of(new Result(ranking, k, restaurants == 0 ? 0 : sum / restaurants, restaurants));
    }

    static boolean hits(String term, Set<String> truthWords) {
        for (String word : term.split(" ")) {
            if (truthWords.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Per product: the words (as the keyword tokenizer spells them) of its most disliked attribute values. */
    private Map<Integer, Set<String>> truthWords(List<DislikedValue> disliked) {
        Map<Integer, List<DislikedValue>> byProduct = new HashMap<>();
        for (DislikedValue v : disliked) {
            byProduct.computeIfAbsent(v.productId(), id -> new ArrayList<>()).add(v);
        }
        Map<Integer, Set<String>> out = new HashMap<>();
        for (Map.Entry<Integer, List<DislikedValue>> e : byProduct.entrySet()) {
            Set<String> words = new HashSet<>();
            for (DislikedValue v : mostDisliked(e.getValue())) {
                for (String term : tokenizer.terms(v.value())) {
                    if (term.indexOf(' ') < 0) {
                        words.add(term);
                    }
                }
            }
            out.put(e.getKey(), words);
        }
        return out;
    }

    /** The values with the most dislikers (already sorted that way), ties at the cut kept. */
    static List<DislikedValue> mostDisliked(List<DislikedValue> sorted) {
        List<DislikedValue> out = new ArrayList<>();
        for (DislikedValue v : sorted) {
            if (out.size() >= TRUTH_VALUES && v.dislikers() < out.get(out.size() - 1).dislikers()) {
                break;
            }
            out.add(v);
        }
        return out;
    }
}
