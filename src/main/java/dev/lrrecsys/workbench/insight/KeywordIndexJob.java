package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.store.KeywordRepository.Source;
import dev.lrrecsys.workbench.store.Tx;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the keyword precompute of one generator/model from its 'ok' contrastive explanations: counts of
 * every term per product and side, then corpus totals. Works in chunks of products, one transaction each; the
 * index only counts as built once the last step has committed, so a cancelled build is shown as not built.
 */
public final class KeywordIndexJob implements Job<KeywordIndexJob.Result> {

    /** What was indexed. */
    public record Result(Source source, long explanations, int products) {
    }

    private static final int PRODUCTS_PER_CHUNK = 200;

    private final Database database;
    private final Source source;
    private final KeywordRepository repository = new KeywordRepository();
    private final KeywordTokenizer tokenizer = new KeywordTokenizer();

    public KeywordIndexJob(Database database, Source source) {
        this.database = database;
        this.source = source;
    }

    @Override
    public String title() {
        return "Index keywords of " + source.label();
    }

    @Override
    public Result run(TaskContext context) {
        long total = database.read(tx -> repository.countIndexable(tx, source));
        if (total == 0) {
            throw new WorkbenchException("No 'ok' contrastive explanations from " + source.label()
                    + " to index: generate explanations first (lrw generate).");
        }
        List<Integer> ids = database.read(repository::productIds);
        database.inTransaction((Database.VoidWork) tx -> repository.clear(tx, source));
        long[] done = {0};
        int products = 0;
        for (int start = 0; start < ids.size(); start += PRODUCTS_PER_CHUNK) {
            context.checkCancelled();
            List<Integer> chunk = ids.subList(start, Math.min(ids.size(), start + PRODUCTS_PER_CHUNK));
            products += database.inTransaction((Database.Work<Integer>) tx -> indexChunk(tx, chunk, done, total, context));
        }
        context.progress(total, total, "Summing corpus totals");
        database.inTransaction((Database.VoidWork) tx -> repository.finish(tx, source, done[0]));
        return new Result(source, done[0], products);
    }

    private int indexChunk(Tx tx, List<Integer> chunk, long[] done, long total, TaskContext context)
            throws Exception {
        // product -> side -> term -> count, plus explanations per product and side
        Map<Integer, Map<String, Map<String, Integer>>> counts = new HashMap<>();
        Map<Integer, Map<String, Integer>> explanations = new HashMap<>();
        repository.forEachText(tx, source, chunk.get(0), chunk.get(chunk.size() - 1), text -> {
            Map<String, Integer> terms = counts.computeIfAbsent(text.productId(), k -> new HashMap<>())
                    .computeIfAbsent(text.side(), k -> new HashMap<>());
            // Counted once per explanation: the seller's question is "how many explanations give this reason".
            for (String term : tokenizer.distinctTerms(text.text())) {
                if (term.length() <= 200) {
                    terms.merge(term, 1, Integer::sum);
                }
            }
            explanations.computeIfAbsent(text.productId(), k -> new HashMap<>()).merge(text.side(), 1, Integer::sum);
            if (++done[0] % 1000 == 0) {
                context.checkCancelled();
                context.progress(done[0], total, "Counting terms");
            }
        });
        for (Map.Entry<Integer, Map<String, Map<String, Integer>>> product : counts.entrySet()) {
            for (Map.Entry<String, Map<String, Integer>> side : product.getValue().entrySet()) {
                repository.writeProduct(tx, source, product.getKey(), side.getKey(),
                        explanations.get(product.getKey()).get(side.getKey()), side.getValue());
            }
        }
        context.progress(done[0], total, "Counting terms");
        return counts.size();
    }
}
