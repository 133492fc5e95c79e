package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ReasoningPoolRepository;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Candidates' pairs from the project's reasoning pool: each (consumer, candidate, history) triple gets the pair of
 * the seed sample nearest to it by cosine similarity over the behaviour vector (matched as {@link PoolMatch} says:
 * by default one with the same candidate product), exactly as `lrw generate --pool`
 * fills the samples that are not seeds ({@link PoolRetriever}). No generator is called and nothing is encoded: the
 * seed sample's stored codes are reused. On a project generated in full every sample with a generated pair is a
 * seed.
 */
public final class PoolCandidateExplanations implements CandidateExplanationSource {

    private final PoolRetriever retriever;
    private final String writtenBy;

    private PoolCandidateExplanations(PoolRetriever retriever, String writtenBy) {
        this.retriever = retriever;
        this.writtenBy = writtenBy;
    }

    /**
     * Indexes the generated contrastive pairs of one generator and model.
     *
     * @throws WorkbenchException when none is complete: there is no seed to retrieve from
     */
    public static PoolCandidateExplanations open(Database database, String generator, String model, PoolMatch match,
                                                 String writtenBy) {
        try {
            return new PoolCandidateExplanations(PoolRetriever.load(database, Variant.CONTRASTIVE, generator, model,
                    match, TaskContext.silent()), writtenBy);
        } catch (WorkbenchException none) {
            throw new WorkbenchException("Ranking candidates cannot be retrieved from the reasoning pool: no sample has "
                    + "a complete generated contrastive pair from " + generator + " (" + model + "). Generate explanations "
                    + "first (lrw generate --pool FRACTION) or choose --candidate-explanations generate or nearest.", none);
        }
    }

    /** Whether the project's explanations of this generator and model were made with a reasoning pool. */
    public static boolean madeWithPool(Database database, String generator, String model) {
        return database.read(tx -> new ReasoningPoolRepository().hasRetrieved(tx, Variant.CONTRASTIVE.key(), generator,
                model));
    }

    @Override
    public String source() {
        return "pool";
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
            out.add(retriever.explain(t.consumerId(), t.productId(), t.history())
                    .map(p -> Pair.retrieved(p.seedSampleId(), p.similarity())).orElse(null));
        }
        return out;
    }

    @Override
    public void close() {
        retriever.close();
    }
}
