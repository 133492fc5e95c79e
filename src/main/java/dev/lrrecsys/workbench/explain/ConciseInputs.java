package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.factors.FactorCatalogue;
import dev.lrrecsys.workbench.factors.KeyFactorSet;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.KeyFactorRepository.FactorRow;

import java.util.Locale;

/** What a concise run needs before its first answer: the project's key factors, for the generator and the prompts. */
final class ConciseInputs {

    /** Key factors listed in a concise prompt: enough to weigh, few enough to read. */
    static final int PROMPT_FACTORS = 20;

    private ConciseInputs() {
    }

    /**
     * Hands the key factors to the generator and returns their list for the concise templates; fails with the
     * command to run when `lrw factors` never ran.
     */
    static String prepare(Database db, Domain domain, ExplanationGenerator generator) {
        KeyFactorSet keys = KeyFactorSet.load(db).orElseThrow(() -> new WorkbenchException(
                "Concise explanations name key factors, and the project has none yet: find them with `lrw factors` first."));
        generator.useKeyFactors(FactorCatalogue.load(db, domain.key()), keys);
        StringBuilder list = new StringBuilder();
        int n = 0;
        for (FactorRow r : keys.rows()) {
            if ("trait".equals(r.kind()) || n++ >= PROMPT_FACTORS) {
                continue;
            }
            list.append(String.format(Locale.ROOT, "%s %s (%+.2f)%n", r.effect() > 0 ? "+" : "-", r.label(), r.effect()));
        }
        return list.length() == 0 ? "(no key factor found)" : list.toString().strip();
    }
}
