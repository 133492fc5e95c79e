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
 * sample, at most {@value #PER_SIDE}, strongest first (gate x |effect|), those with a positive effect on the
 * "why" side and a negative one on the "why not" side, and never the same product value twice in a pair. Like
 * the contrastive reasoner it never sees the rating: key factors come from the training split only.
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
        for (Factor f : on) {
            FactorRow row = keys.get(f.key());
            List<Factor> side = row.effect() > 0 ? pos : neg;
            if (side.size() < PER_SIDE && named.add(f.valueIdentity())) {
                side.add(f);
            }
        }
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
