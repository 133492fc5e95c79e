package dev.lrrecsys.workbench.explain;

/**
 * Something that writes explanations: the offline reasoner or an LLM behind a chat API. The job renders
 * the prompts (or, for the offline reasoner, its input description) and stores what comes back.
 */
public interface ExplanationGenerator extends AutoCloseable {

    /** The explanation.generator column: offline | ollama | openai-compatible. */
    String generator();

    /** The explanation.model column. */
    String model();

    /** True for LLM generators: prompts come from templates and answers are cached by prompt. */
    boolean usesPrompts();

    /** How many prompts may be in flight at once. */
    int concurrency();

    /**
     * Fails with a {@link dev.lrrecsys.workbench.WorkbenchException} saying what to do when the generator cannot
     * work (server down, model not pulled); called before the job writes anything.
     */
    void checkReady();

    /** Called once with the project's products before the first answer (the offline reasoner ranks by them). */
    default void prepare(java.util.Collection<ProductFacts> catalogue) {
    }

    /**
     * Called before the first answer of a concise run with the project's factors and key factors: the offline
     * reasoner names only these; LLM generators get them through the concise templates instead.
     */
    default void useKeyFactors(dev.lrrecsys.workbench.factors.FactorCatalogue catalogue,
                               dev.lrrecsys.workbench.factors.KeyFactorSet keys) {
    }

    /** Answers one prompt of one sample; validation and retries happen inside. */
    Answer answer(Prompt prompt, SampleContext context, SentenceValidator validator);

    /** Writes the profile of one product (profile augmentation). */
    Answer profile(Prompt prompt, ProductFacts product, Domain domain);

    @Override
    default void close() {
    }
}
