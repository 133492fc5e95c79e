package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExplanationInputRepository.SampleRef;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes each triple's contrastive pair with a generator, exactly as generation writes a stored sample's: the
 * same context (consumer, history, candidate), the same prompt or offline input, the same validation. For the
 * offline reasoner, which is deterministic, a triple that is a stored sample gets its stored text back.
 */
public final class GeneratedCandidateExplanations implements CandidateExplanationSource {

    private final ExplanationGenerator generator;
    private final GenerationInputs inputs;
    private final SentenceValidator validator;
    private final PromptBook book;

    public GeneratedCandidateExplanations(Database database, ExplanationGenerator generator) {
        this.generator = generator;
        this.inputs = GenerationInputs.load(database);
        generator.prepare(inputs.products());
        this.validator = new SentenceValidator(inputs.domain(), inputs.dataset().ratingMin(), inputs.dataset().ratingMax());
        this.book = generator.usesPrompts() ? PromptBook.loadReadOnly(database, inputs.domain()) : null;
    }

    @Override
    public String source() {
        return "generated";
    }

    @Override
    public String writtenBy() {
        return generator.usesPrompts() ? generator.generator() + " / " + generator.model() : generator.model();
    }

    @Override
    public boolean callsLlm() {
        return generator.usesPrompts();
    }

    @Override
    public List<Pair> explain(List<Triple> triples) {
        List<Pair> out = new ArrayList<>(triples.size());
        for (Triple t : triples) {
            SampleContext c = inputs.context(new SampleRef(-1, t.consumerId(), t.productId(), t.history()));
            Answer positive = generator.answer(prompt(Side.POSITIVE, c), c, validator);
            Answer negative = positive.status() == Answer.Status.OK
                    ? generator.answer(prompt(Side.NEGATIVE, c), c, validator) : positive;
            out.add(positive.status() == Answer.Status.OK && negative.status() == Answer.Status.OK
                    ? Pair.written(positive.text(), negative.text()) : null);
        }
        return out;
    }

    private Prompt prompt(Side side, SampleContext c) {
        if (book != null) {
            return book.render(Variant.CONTRASTIVE, side, c, inputs.dataset().ratingMin(), inputs.dataset().ratingMax());
        }
        return Prompt.of(side, OfflineGenerator.describeInput(Variant.CONTRASTIVE, side, c), null);
    }

    @Override
    public void close() {
        generator.close();
    }
}
