package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.factors.Factor;
import dev.lrrecsys.workbench.factors.FactorCatalogue;
import dev.lrrecsys.workbench.factors.KeyFactorSet;
import dev.lrrecsys.workbench.store.KeyFactorRepository.FactorRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The offline reasoner's concise variant (ConciseExplain): each side names only key factors that are on for the
 * sample and that the consumer's own history backs ({@link #supported}), at most {@value #PER_SIDE}, strongest first
 * (gate x |effect|), those with a positive effect on the "why" side and a negative one on the "why not" side, and
 * never the same product value twice in a pair. Like the contrastive reasoner it never sees the rating: key factors
 * come from the training split only, the evidence from the sample's history (the products it lists).
 */
final class ConciseReasoner {

    static final int PER_SIDE = 2;

    private final FactorCatalogue catalogue;
    private final KeyFactorSet keys;

    ConciseReasoner(FactorCatalogue catalogue, KeyFactorSet keys) {
        this.catalogue = catalogue;
        this.keys = keys;
    }

    /** The sentence of one side; only the positive and negative sides exist in this variant. */
    String explain(SampleContext c, Side side) {
        List<Factor> pos = new ArrayList<>();
        List<Factor> neg = new ArrayList<>();
        pick(c, pos, neg);
        Domain d = c.domain();
        int[] history = history(c);
        if (side == Side.POSITIVE) {
            return Side.POSITIVE.opening(d) + " the consumer "
                    + (pos.isEmpty() ? "is open to something new" : "likes " + join(reasons(pos, history, d))) + ".";
        }
        if (side == Side.NEGATIVE) {
            return Side.NEGATIVE.cautionOpening(d) + " "
                    + (neg.isEmpty() ? "no key factor speaks against it" : "of " + join(reasons(neg, history, d))) + ".";
        }
        throw new IllegalArgumentException("The concise variant writes the positive and negative sides only, not " + side.key());
    }

    /** The key factors on for this sample, split by the sign of their effect, strongest first, no value twice. */
    private void pick(SampleContext c, List<Factor> pos, List<Factor> neg) {
        List<Factor> on = new ArrayList<>();
        for (int i : catalogue.active(c.consumer().id(), c.candidate().id(), history(c))) {
            Factor f = catalogue.factor(i);
            if (f.namesProductValue() && keys.get(f.key()) != null) {
                on.add(f);
            }
        }
        on.sort(Comparator.comparingDouble((Factor f) -> -keys.strength(f.key())).thenComparing(Factor::key));
        Set<String> named = new HashSet<>();
        int[] history = history(c);
        for (Factor f : on) {
            FactorRow row = keys.get(f.key());
            boolean positive = row.effect() > 0;
            List<Factor> side = positive ? pos : neg;
            if (side.size() < PER_SIDE && supported(f, positive, history) && named.add(f.valueIdentity())) {
                side.add(f);
            }
        }
    }

    /**
     * A "why" factor's value must be on at least this many more of the history's products than chance would put it
     * on (its share of all products times the history's length). Chosen on synthetic seeds 6-8 (docs/factors.md).
     */
    static final double MIN_HISTORY_SURPLUS = 0.3;
    /**
     * A "why not" factor's value must be on none of the history's products although chance would put it on at least
     * this many: only then has the consumer visibly kept away from it. Chosen on seeds 6-8 with the one above.
     */
    static final double MIN_EXPECTED_WHEN_ABSENT = 1.5;

    /**
     * Whether the consumer's own history (the products before the candidate, which the prompt lists too) backs naming
     * the factor on its side: key factors are population-level, and a visible trait that triggers one follows a
     * hidden preference only for some consumers; what they visited tells them apart. Never the rating.
     */
    private boolean supported(Factor f, boolean positive, int[] history) {
        double surplus = catalogue.historySurplus(f, history);
        if (positive) {
            return surplus >= MIN_HISTORY_SURPLUS;
        }
        return catalogue.historyCount(f, history) == 0 && -surplus >= MIN_EXPECTED_WHEN_ABSENT;
    }

    private static int[] history(SampleContext c) {
        int[] h = new int[c.history().size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = c.history().get(i).id();
        }
        return h;
    }

    /** Each factor as a phrase with its evidence, naming its value once: "Thai cuisine (their favourite cuisine)". */
    private List<String> reasons(List<Factor> fs, int[] history, Domain d) {
        List<String> out = new ArrayList<>();
        for (Factor f : fs) {
            String phrase = catalogue.phraseOf(f.valueIdentity());
            String evidence = switch (f.kind()) {
                case FIT -> "fits their " + f.trait();
                case CLASH -> "not what their " + f.trait() + " asks for";
                case HISTORY_FIT -> catalogue.historyCount(f, history) + " of their last " + history.length;
                case HISTORY_CLASH -> "unlike their last " + history.length + " " + d.plural();
                default -> null;
            };
            out.add(evidence == null ? phrase : phrase + " (" + evidence + ")");
        }
        return out;
    }

    private static String join(List<String> parts) {
        return parts.size() == 1 ? parts.get(0) : parts.get(0) + " and " + parts.get(1);
    }
}
