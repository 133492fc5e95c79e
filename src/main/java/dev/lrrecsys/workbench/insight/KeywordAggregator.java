package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.store.KeywordRepository.ProductGroup;
import dev.lrrecsys.workbench.store.KeywordRepository.SideTotals;
import dev.lrrecsys.workbench.store.KeywordRepository.Source;
import dev.lrrecsys.workbench.store.KeywordRepository.TermCount;
import dev.lrrecsys.workbench.store.Tx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Top keywords of one product's (or one group's) positive or negative explanations, read from the keyword
 * precompute. Distinctiveness is the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and
 * Quinn 2008): the term's odds in the target against its odds in all other products, shrunk towards the corpus
 * rate, divided by its standard error, so rare terms do not top the list by chance.
 */
public final class KeywordAggregator {

    /** Strength of the prior in pseudo-terms: enough to damp terms seen once or twice. */
    static final double PRIOR_SIZE = 500;

    private final KeywordRepository repository = new KeywordRepository();

    /** The result for one side: the ranked keywords and how many explanations they come from. */
    public record SideKeywords(String side, long explanations, List<Keyword> keywords) {
    }

    public SideKeywords forProduct(Tx tx, Source source, int productId, String side, KeywordRanking ranking, int limit)
            throws Exception {
        return rank(side, repository.productTerms(tx, source, productId, side), repository.productTotals(tx, source, productId, side),
                repository.corpusTerms(tx, source, side), ranking, limit);
    }

    public SideKeywords forGroup(Tx tx, Source source, ProductGroup group, String side, KeywordRanking ranking, int limit)
            throws Exception {
        return rank(side, repository.groupTerms(tx, source, group, side), repository.groupTotals(tx, source, group, side),
                repository.corpusTerms(tx, source, side), ranking, limit);
    }

    static SideKeywords rank(String side, List<TermCount> terms, SideTotals target, long corpusTerms, KeywordRanking ranking,
                             int limit) {
        List<Keyword> all = new ArrayList<>(terms.size());
        java.util.Set<String> subsumed = subsumedWords(terms);
        for (TermCount t : terms) {
            if (subsumed.contains(t.term())) {
                continue;
            }
            double perExplanation = target.explanations() == 0 ? 0 : (double) t.count() / target.explanations();
            all.add(new Keyword(t.term(), t.count(), perExplanation, logOddsZ(t.count(), target.terms(), t.corpusCount(), corpusTerms)));
        }
        Comparator<Keyword> order = ranking == KeywordRanking.FREQUENCY
                ? Comparator.comparingLong(Keyword::count).reversed().thenComparing(Keyword::term)
                : Comparator.comparingDouble(Keyword::distinctiveness).reversed().thenComparing(Keyword::term);
        all.sort(order);
        return new SideKeywords(side, target.explanations(), List.copyOf(all.subList(0, Math.min(limit, all.size()))));
    }

    /**
     * Single words that only ever occur inside one of the listed two-word phrases (same count in the target): the
     * phrase says more, and listing both would fill the top ranks with duplicates ("fine", "dining", "fine dining").
     */
    static java.util.Set<String> subsumedWords(List<TermCount> terms) {
        java.util.Map<String, Long> words = new java.util.HashMap<>();
        for (TermCount t : terms) {
            if (t.term().indexOf(' ') < 0) {
                words.put(t.term(), t.count());
            }
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        for (TermCount t : terms) {
            int space = t.term().indexOf(' ');
            if (space > 0) {
                for (String w : new String[]{t.term().substring(0, space), t.term().substring(space + 1)}) {
                    Long n = words.get(w);
                    if (n != null && n == t.count()) {
                        out.add(w);
                    }
                }
            }
        }
        return out;
    }

    /**
     * z-score of the log-odds ratio of a term in the target (count y, size n) against the rest of the corpus
     * (corpus count and size minus the target's), with prior counts proportional to the corpus rate.
     */
    static double logOddsZ(long y, long n, long corpusY, long corpusN) {
        if (corpusN <= 0) {
            return 0;
        }
        double prior = PRIOR_SIZE * corpusY / corpusN;
        double restY = corpusY - y;
        double restN = corpusN - n;
        double target = Math.log((y + prior) / (n + PRIOR_SIZE - y - prior));
        double rest = Math.log((restY + prior) / (restN + PRIOR_SIZE - restY - prior));
        double variance = 1.0 / (y + prior) + 1.0 / (restY + prior);
        return (target - rest) / Math.sqrt(variance);
    }
}
