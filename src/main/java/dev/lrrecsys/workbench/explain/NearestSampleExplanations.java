package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExplanationInputRepository;
import dev.lrrecsys.workbench.store.ExplanationInputRepository.AttributeRow;
import dev.lrrecsys.workbench.store.StoredSample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Reuses, for each triple, the explanation pair of the nearest stored sample: among the stored samples with a
 * pair that have the same candidate product, the one sharing the most history products plus consumer attribute
 * values (name and value equal) with the triple; ties go to the smaller sample id. No generator is called. It is
 * a crude stand-in for a reasoning pool's retrieval: the pair was written for another consumer, so it may name
 * traits and habits this consumer does not have.
 */
public final class NearestSampleExplanations implements CandidateExplanationSource {

    private record Stored(long id, Set<Integer> history, Set<String> traits) {
    }

    private final String writtenBy;
    private final Map<Integer, List<Stored>> byProduct = new HashMap<>();
    private final Map<Integer, Set<String>> traits = new HashMap<>();

    /**
     * @param rows      the project's stored samples
     * @param hasPair   whether a stored sample has the explanation pair (of the experiment's generator) to reuse
     * @param writtenBy who wrote the stored pairs, as printed
     */
    public NearestSampleExplanations(Database database, List<StoredSample> rows, LongPredicate hasPair, String writtenBy) {
        this.writtenBy = writtenBy;
        Map<Integer, List<AttributeRow>> attributes = database.read(tx -> new ExplanationInputRepository().consumerAttributes(tx));
        attributes.forEach((consumer, list) -> {
            Set<String> keys = new HashSet<>();
            for (AttributeRow a : list) {
                keys.add(a.name() + '\u0000' + a.value());
            }
            traits.put(consumer, keys);
        });
        for (StoredSample s : rows) {
            if (hasPair.test(s.id())) {
                byProduct.computeIfAbsent(s.productId(), k -> new ArrayList<>())
                        .add(new Stored(s.id(), historySet(s.history()), traits.getOrDefault(s.consumerId(), Set.of())));
            }
        }
    }

    @Override
    public String source() {
        return "nearest";
    }

    @Override
    public String writtenBy() {
        return writtenBy;
    }

    @Override
    public boolean callsLlm() {
        return false;
    }

    @Override
    public List<Pair> explain(List<Triple> triples) {
        List<Pair> out = new ArrayList<>(triples.size());
        for (Triple t : triples) {
            List<Stored> candidates = byProduct.getOrDefault(t.productId(), List.of());
            Set<String> own = traits.getOrDefault(t.consumerId(), Set.of());
            Stored best = null;
            int bestScore = -1;
            for (Stored s : candidates) {
                int score = 0;
                for (int h : t.history()) {
                    if (h >= 0 && s.history().contains(h)) {
                        score++;
                    }
                }
                for (String trait : own) {
                    if (s.traits().contains(trait)) {
                        score++;
                    }
                }
                if (score > bestScore || (score == bestScore && s.id() < best.id())) {
                    best = s;
                    bestScore = score;
                }
            }
            out.add(best == null ? null : Pair.reused(best.id()));
        }
        return out;
    }

    private static Set<Integer> historySet(int[] history) {
        Set<Integer> out = new HashSet<>();
        for (int h : history) {
            if (h >= 0) {
                out.add(h);
            }
        }
        return out;
    }
}
