package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.store.KeywordRepository.ProductGroup;
import dev.lrrecsys.workbench.store.KeywordRepository.SideTotals;
import dev.lrrecsys.workbench.store.KeywordRepository.Source;
import dev.lrrecsys.workbench.store.KeywordRepository.TermCount;
import dev.lrrecsys.workbench.store.Tx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Top keywords of one product's (or one group's) positive or negative explanations, read from the keyword
 * precompute. Three orders: the share of the target's explanations giving the reason minus the share of its peers'
 * (same city or category: the seller's question "what is said of us and not of the places around us"), raw
 * frequency (the paper), and distinctiveness, the log-odds ratio with an informative Dirichlet prior (Monroe,
 * Colaresi and Quinn 2008) against all other products, so rare terms do not top the list by chance. Under every
 * order, terms that most explanations of the side share (the sentence frame: "avoids", "likes") are left out.
 */
public final class KeywordAggregator {

    /** Strength of the prior in pseudo-terms: enough to damp terms seen once or twice. */
    static final double PRIOR_SIZE = 500;

    /** A term in more than this share of a side's explanations belongs to the template, not to a product. */
    static final double FRAME_SHARE = 0.5;

    private final KeywordRepository repository = new KeywordRepository();

    /**
     * The result for one side: the ranked keywords, how many explanations they come from, who the peers were, and
     * how many retrieved explanations were left out because their seed sample was about another product.
     */
    public record SideKeywords(String side, long explanations, List<Keyword> keywords, String peers, long leftOut) {
    }

    /** What a target is compared with: the corpus (for the frame and the log-odds) and its peers. */
    record Background(long corpusTerms, long corpusExplanations, Map<String, Long> peerCounts, long peerExplanations,
                      String peers) {
    }

    public SideKeywords forProduct(Tx tx, Source source, int productId, String side, KeywordRanking ranking, int limit)
            throws Exception {
        List<TermCount> terms = repository.productTerms(tx, source, productId, side);
        SideTotals totals = repository.productTotals(tx, source, productId, side);
        Optional<ProductGroup> group = repository.peerGroup(tx, productId);
        Map<String, Long> peerCounts = new HashMap<>();
        long peerExplanations;
        String peers;
        if (group.isPresent() && group.get().products() < repository.productCount(tx)) {
            // The group holds the product itself: its peers are the group without it.
            for (TermCount t : repository.groupCountsOfProductTerms(tx, source, productId, group.get(), side)) {
                peerCounts.put(t.term(), t.count());
            }
            for (TermCount t : terms) {
                peerCounts.merge(t.term(), -t.count(), Long::sum);
            }
            peerExplanations = repository.groupTotals(tx, source, group.get(), side).explanations() - totals.explanations();
            peers = "the other " + (group.get().products() - 1) + " products of " + group.get().label();
        } else {
            // No peer group, or one holding every product (one city): the peers are all the other products, whose
            // counts are the corpus totals less the product's own.
            for (TermCount t : terms) {
                peerCounts.put(t.term(), t.corpusCount() - t.count());
            }
            peerExplanations = repository.corpusExplanations(tx, source, side) - totals.explanations();
            peers = group.isPresent() ? "the other " + (group.get().products() - 1) + " products of " + group.get().label()
                    : "all other products";
        }
        return rank(side, terms, totals, background(tx, source, side, peerCounts, peerExplanations, peers), ranking, limit);
    }

    public SideKeywords forGroup(Tx tx, Source source, ProductGroup group, String side, KeywordRanking ranking, int limit)
            throws Exception {
        List<TermCount> terms = repository.groupTerms(tx, source, group, side);
        SideTotals totals = repository.groupTotals(tx, source, group, side);
        Map<String, Long> peerCounts = new HashMap<>();
        for (TermCount t : terms) {
            peerCounts.put(t.term(), t.corpusCount() - t.count());
        }
        long peerExplanations = repository.corpusExplanations(tx, source, side) - totals.explanations();
        return rank(side, terms, totals, background(tx, source, side, peerCounts, peerExplanations, "all other products"),
                ranking, limit);
    }

    private Background background(Tx tx, Source source, String side, Map<String, Long> peerCounts, long peerExplanations,
                                  String peers) throws Exception {
        return new Background(repository.corpusTerms(tx, source, side), repository.corpusExplanations(tx, source, side),
                peerCounts, peerExplanations, peers);
    }

    static SideKeywords rank(String side, List<TermCount> terms, SideTotals target, Background background,
                             KeywordRanking ranking, int limit) {
        Set<String> frame = frameWords(terms, background.corpusExplanations());
        // The frame goes first, so that a word is only folded into a phrase that is itself kept ("lively" stays when
        // "lively ambience" goes because "ambience" is in most explanations).
        List<TermCount> kept = terms.stream().filter(t -> !mentionsAny(t.term(), frame)).toList();
        Set<String> subsumed = subsumedWords(kept);
        List<Keyword> all = new ArrayList<>(kept.size());
        for (TermCount t : kept) {
            if (subsumed.contains(t.term())) {
                continue;
            }
            double share = target.explanations() == 0 ? 0 : (double) t.count() / target.explanations();
            long peerCount = Math.max(0, background.peerCounts().getOrDefault(t.term(), 0L));
            double peerShare = background.peerExplanations() <= 0 ? 0 : (double) peerCount / background.peerExplanations();
            all.add(new Keyword(t.term(), t.count(), share,
                    logOddsZ(t.count(), target.terms(), t.corpusCount(), background.corpusTerms()), peerShare));
        }
        Comparator<Keyword> order = switch (ranking) {
            case FREQUENCY -> Comparator.comparingLong(Keyword::count).reversed();
            case DISTINCTIVENESS -> Comparator.comparingDouble(Keyword::distinctiveness).reversed();
            case PEERS -> Comparator.comparingDouble(Keyword::peerDifference).reversed();
        };
        all.sort(order.thenComparing(Keyword::term));
        return new SideKeywords(side, target.explanations(), List.copyOf(all.subList(0, Math.min(limit, all.size()))),
                background.peers(), target.leftOut());
    }

    /** Single words present in more than half of the side's explanations over all products: the sentence frame. */
    static Set<String> frameWords(List<TermCount> terms, long corpusExplanations) {
        Set<String> out = new HashSet<>();
        for (TermCount t : terms) {
            if (t.term().indexOf(' ') < 0 && corpusExplanations > 0 && t.corpusCount() > FRAME_SHARE * corpusExplanations) {
                out.add(t.term());
            }
        }
        return out;
    }

    private static boolean mentionsAny(String term, Set<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        for (String w : term.split(" ")) {
            if (words.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Single words that only ever occur inside one of the listed two-word phrases (same count in the target): the
     * phrase says more, and listing both would fill the top ranks with duplicates ("fine", "dining", "fine dining").
     */
    static Set<String> subsumedWords(List<TermCount> terms) {
        Map<String, Long> words = new HashMap<>();
        for (TermCount t : terms) {
            if (t.term().indexOf(' ') < 0) {
                words.put(t.term(), t.count());
            }
        }
        Set<String> out = new HashSet<>();
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
