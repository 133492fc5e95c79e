package dev.lrrecsys.workbench.explain;

/** The {@link OfflineContrastiveReasoner} as a generator: instant, deterministic, labelled as no LLM. */
public final class OfflineGenerator implements ExplanationGenerator {

    private OfflineContrastiveReasoner reasoner = new OfflineContrastiveReasoner();
    /** Set for the concise variant: then both sides name key factors only. */
    private ConciseReasoner concise;

    @Override
    public void prepare(java.util.Collection<ProductFacts> catalogue) {
        reasoner = new OfflineContrastiveReasoner(catalogue);
    }

    @Override
    public void useKeyFactors(dev.lrrecsys.workbench.factors.FactorCatalogue catalogue,
                              dev.lrrecsys.workbench.factors.KeyFactorSet keys) {
        concise = new ConciseReasoner(catalogue, keys);
    }

    @Override
    public String generator() {
        return OfflineContrastiveReasoner.GENERATOR;
    }

    @Override
    public String model() {
        return OfflineContrastiveReasoner.MODEL;
    }

    @Override
    public boolean usesPrompts() {
        return false;
    }

    @Override
    public int concurrency() {
        return 1;
    }

    @Override
    public void checkReady() {
        // Nothing external to reach.
    }

    @Override
    public Answer answer(Prompt prompt, SampleContext context, SentenceValidator validator) {
        String text = concise != null ? concise.explain(context, prompt.side()) : reasoner.explain(context, prompt.side());
        SentenceValidator.Verdict v = validator.check(text, prompt.side());
        return v.valid() ? Answer.ok(v.text()) : Answer.rejected(v.reason());
    }

    @Override
    public Answer profile(Prompt prompt, ProductFacts product, Domain domain) {
        return Answer.ok(reasoner.profile(product, domain));
    }

    /**
     * What the reasoner reads for one side of a sample, as text: its SHA-256 is the explanation's prompt_hash,
     * so the same input always maps to the same hash although no prompt is sent.
     */
    static String describeInput(Variant variant, Side side, SampleContext c) {
        StringBuilder b = new StringBuilder("offline-reasoner-v1|").append(variant.key()).append('|').append(side.key())
                .append("|consumer=").append(c.consumer().id()).append("|history=");
        for (ProductFacts p : c.history()) {
            b.append(p.id()).append(',');
        }
        return b.append("|candidate=").append(c.candidate().id()).toString();
    }
}
