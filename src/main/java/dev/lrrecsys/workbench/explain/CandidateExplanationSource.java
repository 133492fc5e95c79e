package dev.lrrecsys.workbench.explain;

import java.util.List;

/**
 * Where the explanation pair of a (consumer, product, history) triple that is not a stored sample comes from:
 * the ranking task's sampled candidates need one each. Implementations write the pair with the project's
 * generator ({@link GeneratedCandidateExplanations}) or reuse the pair of a stored sample
 * ({@link NearestSampleExplanations}), or retrieve the pair of the nearest seed sample of the project's reasoning pool
 * ({@link PoolCandidateExplanations}).
 */
public interface CandidateExplanationSource extends AutoCloseable {

    /** A consumer, a product the consumer never interacted with, and the history it is shown after (oldest first). */
    record Triple(int consumerId, int productId, int[] history) {
    }

    /**
     * The pair for one triple: either texts written for it ({@code fromSampleId} null) or a stored sample whose
     * pair is reused ({@code positive} and {@code negative} null); {@code similarity} is the cosine similarity of
     * the triple and that sample when a reasoning pool retrieved it, else null.
     */
    record Pair(String positive, String negative, Long fromSampleId, Double similarity) {

        public static Pair written(String positive, String negative) {
            return new Pair(positive, negative, null, null);
        }

        public static Pair reused(long sampleId) {
            return new Pair(null, null, sampleId, null);
        }

        public static Pair retrieved(long seedSampleId, double similarity) {
            return new Pair(null, null, seedSampleId, similarity);
        }

        public boolean isWritten() {
            return fromSampleId == null;
        }
    }

    /** "generated", "nearest" or "pool": stored with the candidate set, so a different source gives a different set. */
    String source();

    /** Who wrote the pairs, as printed: e.g. "offline reasoner (no LLM)" or "ollama / llama3.1". */
    String writtenBy();

    /** True when each written pair costs two LLM calls. */
    boolean callsLlm();

    /** One pair per triple, in order; null where none could be had (an answer rejected, no stored sample fits). */
    List<Pair> explain(List<Triple> triples);

    @Override
    default void close() {
    }
}
