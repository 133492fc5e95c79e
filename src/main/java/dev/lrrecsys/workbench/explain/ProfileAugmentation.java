package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ProductProfileRepository;
import dev.lrrecsys.workbench.store.ProductProfileRepository.ProfileRow;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The paper's optional chain-of-thought step: a short profile of every product (which consumers would
 * enjoy it), written by the same generator before the explanations and shown in their prompts. Profiles
 * already stored for this generator and model are kept; rejected or failed ones are tried again.
 */
final class ProfileAugmentation {

    private static final int BATCH = 200;

    private final Database db;
    private final ExplanationGenerator generator;
    private final GenerationInputs world;
    private final ProductProfileRepository repo = new ProductProfileRepository();

    ProfileAugmentation(Database db, ExplanationGenerator generator, GenerationInputs world) {
        this.db = db;
        this.generator = generator;
        this.world = world;
    }

    /** Products with no accepted profile yet. */
    long missing() {
        Map<Integer, String> statuses = db.read(tx -> repo.statuses(tx, generator.generator(), generator.model()));
        long n = 0;
        for (ProductFacts p : world.products()) {
            if (!"ok".equals(statuses.get(p.id()))) {
                n++;
            }
        }
        return n;
    }

    Map<Integer, String> acceptedProfiles() {
        return db.read(tx -> repo.okProfiles(tx, generator.generator(), generator.model()));
    }

    void run(TaskContext context, ExecutorService pool, PromptBook book) throws Exception {
        Map<Integer, String> statuses = db.read(tx -> repo.statuses(tx, generator.generator(), generator.model()));
        List<ProductFacts> todo = new ArrayList<>();
        for (ProductFacts p : world.products()) {
            if (!"ok".equals(statuses.get(p.id()))) {
                todo.add(p.withProfile(null));
            }
        }
        long done = 0;
        for (int from = 0; from < todo.size(); from += BATCH) {
            context.checkCancelled();
            List<ProductFacts> chunk = todo.subList(from, Math.min(todo.size(), from + BATCH));
            List<Callable<ProfileRow>> calls = new ArrayList<>();
            for (ProductFacts p : chunk) {
                calls.add(() -> profile(p, book));
            }
            List<ProfileRow> rows = new ArrayList<>();
            if (pool == null) {
                for (Callable<ProfileRow> c : calls) {
                    rows.add(c.call());
                }
            } else {
                for (Future<ProfileRow> f : pool.invokeAll(calls)) {
                    rows.add(f.get());
                }
            }
            db.inTransaction(tx -> {
                repo.save(tx, generator.generator(), generator.model(), rows);
            });
            done += rows.size();
            context.progress(done, todo.size(), "profiles");
        }
    }

    private ProfileRow profile(ProductFacts p, PromptBook book) {
        Prompt prompt = book != null ? book.renderProfile(p)
                : Prompt.of(Side.GENERAL, "offline-profile-v1|product=" + p.id(), null);
        Answer a = generator.profile(prompt, p, world.domain());
        return new ProfileRow(p.id(), prompt.templateVersion(), prompt.hash(), a.status().key(), a.text(), a.reason());
    }
}
