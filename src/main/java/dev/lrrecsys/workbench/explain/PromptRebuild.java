package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.ExplanationInputRepository;
import dev.lrrecsys.workbench.store.ExplanationInputRepository.SampleRef;
import dev.lrrecsys.workbench.store.ProductProfileRepository;
import dev.lrrecsys.workbench.store.PromptTemplateRepository;
import dev.lrrecsys.workbench.store.PromptTemplateRepository.StoredTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds the prompt that produced a stored explanation: the stored template version and the sample's inputs
 * rendered by the generator's own code ({@link PromptBook#render}, or the offline reasoner's input), then checked
 * against the stored SHA-256. When the hash differs (the inputs changed since, e.g. product profiles were added
 * or the dataset re-imported) or the template version is not stored, it says so instead of showing a guess as
 * the original.
 */
public final class PromptRebuild {

    /** What produced the explanation, as stored with it. */
    public record Origin(long sampleId, String variant, String side, String generator, String model,
                         Integer templateVersion, String promptHash) {
    }

    /**
     * @param text    the rebuilt prompt (for the offline reasoner: its input), or null when it cannot be rebuilt
     * @param hash    SHA-256 of the rebuilt text, or null
     * @param matches whether it equals the stored prompt_hash, i.e. this is the very prompt that was sent
     * @param note    one sentence saying what the text is
     */
    public record Result(String text, String hash, boolean matches, String note) {
    }

    private final Database db;

    public PromptRebuild(Database db) {
        this.db = db;
    }

    public Result rebuild(Origin o) {
        DatasetInfo dataset = GenerationInputs.dataset(db);
        Domain domain = Domain.of(dataset.domain());
        Variant variant = Variant.of(o.variant());
        Side side = Side.of(o.side());
        List<SampleRef> refs = db.read(tx -> new ExplanationInputRepository().page(tx, o.sampleId() - 1, o.sampleId(), 1));
        if (refs.isEmpty()) {
            throw new WorkbenchException("Sample " + o.sampleId() + " is no longer stored: its prompt cannot be rebuilt.");
        }
        GenerationInputs inputs = GenerationInputs.load(db);
        SampleContext context = inputs.context(refs.get(0));
        if (o.templateVersion() == null) {
            String input = OfflineGenerator.describeInput(variant, side, context);
            return judge(o, input, "The offline reasoner sends no prompt; this is its input, which prompt_hash covers.");
        }
        String kind = variant.templateKind(side);
        Optional<StoredTemplate> template = db.read(tx -> new PromptTemplateRepository().versions(tx, domain.key(), kind))
                .stream().filter(t -> t.version() == o.templateVersion()).findFirst();
        if (template.isEmpty()) {
            return new Result(null, null, false, "Cannot rebuild: version " + o.templateVersion() + " of the " + domain.key()
                    + " '" + kind + "' template is not stored in this project.");
        }
        PromptBook book = PromptBook.of(domain, Map.of(kind, template.get()));
        String plain = book.render(variant, side, context, dataset.ratingMin(), dataset.ratingMax()).text();
        if (Prompt.sha256(plain).equals(o.promptHash())) {
            return judge(o, plain, "Rebuilt from template version " + o.templateVersion() + " and the sample's stored inputs.");
        }
        // A run with profiles showed each product's accepted profile: try the prompt as such a run wrote it.
        Map<Integer, String> profiles = db.read(tx -> new ProductProfileRepository().okProfiles(tx, o.generator(), o.model()));
        if (!profiles.isEmpty()) {
            GenerationInputs withProfiles = GenerationInputs.load(db);
            withProfiles.useProfiles(profiles);
            String profiled = book.render(variant, side, withProfiles.context(refs.get(0)), dataset.ratingMin(), dataset.ratingMax()).text();
            if (Prompt.sha256(profiled).equals(o.promptHash())) {
                return judge(o, profiled, "Rebuilt from template version " + o.templateVersion()
                        + ", the sample's stored inputs and the products' profiles.");
            }
        }
        return judge(o, plain, "Rebuilt from template version " + o.templateVersion() + " and the sample's inputs as stored now.");
    }

    private static Result judge(Origin o, String text, String how) {
        String hash = Prompt.sha256(text);
        boolean matches = hash.equals(o.promptHash());
        String note = matches ? how + " Its SHA-256 matches the stored prompt_hash: this is the prompt that was sent."
                : how + " Its SHA-256 does NOT match the stored prompt_hash (" + o.promptHash() + "): the inputs or "
                + "the template changed after generation, so this is not exactly the prompt that was sent.";
        return new Result(text, hash, matches, note);
    }
}
