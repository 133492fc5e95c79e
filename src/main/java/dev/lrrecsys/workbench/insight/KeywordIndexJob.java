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
 * every term per product and side, then corpus totals. A product counts its generated explanations and the
 * retrieved ones whose seed sample had the same candidate product; a retrieved pair copied from a seed about
 * another product was written about that product, so it is left out and counted as such. Works in chunks of products, one transaction each; the
 * index only counts as built once the last step has committed, so a cancelled build is shown as not built.
 */
public final class KeywordIndexJob implements Job<KeywordIndexJob.Result> {

    /** What was indexed: explanations counted, products, and retrieved explanations left out (about another product). */
    public record Result(Source source, long explanations, int products, long leftOut) {

        /** ", L retrieved explanations left out (written about another product)" when there are any, else "". */
        public String leftOutNote() {
            return leftOut == 0 ? "" : ", " + leftOut + " retrieved explanations left out (written about another product)";
        }
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
        long[] leftOut = {0};
        int products = 0;
        for (int start = 0; start < ids.size(); start += PRODUCTS_PER_CHUNK) {
            context.checkCancelled();
            List<Integer> chunk = ids.subList(start, Math.min(ids.size(), start + PRODUCTS_PER_CHUNK));
            products += database.inTransaction((Database.Work<Integer>) tx -> indexChunk(tx, chunk, done, leftOut, total,
                    context));
        }
        context.progress(total, total, "Summing corpus totals");
        long counted = done[0] - leftOut[0];
        database.inTransaction((Database.VoidWork) tx -> repository.finish(tx, source, counted));
        return new Result(source, counted, products, leftOut[0]);
    }

    private int indexChunk(Tx tx, List<Integer> chunk, long[] done, long[] leftOut, long total, TaskContext context)
            throws Exception {
        // product -> side -> term -> count, plus explanations (counted and left out) per product and side
        Map<Integer, Map<String, Map<String, Integer>>> counts = new HashMap<>();
        Map<Integer, Map<String, Integer>> explanations = new HashMap<>();
        Map<Integer, Map<String, Integer>> aboutOthers = new HashMap<>();
        repository.forEachText(tx, source, chunk.get(0), chunk.get(chunk.size() - 1), text -> {
            if (++done[0] % 1000 == 0) {
                context.checkCancelled();
                context.progress(done[0], total, "Counting terms");
            }
            counts.computeIfAbsent(text.productId(), k -> new HashMap<>()).computeIfAbsent(text.side(), k -> new HashMap<>());
            if (!text.aboutThisProduct()) {
                leftOut[0]++;
                aboutOthers.computeIfAbsent(text.productId(), k -> new HashMap<>()).merge(text.side(), 1, Integer::sum);
                return;
            }
            Map<String, Integer> terms = counts.computeIfAbsent(text.productId(), k -> new HashMap<>())
                    .computeIfAbsent(text.side(), k -> new HashMap<>());
            // Counted once per explanation: the seller's question is "how many explanations give this reason".
            for (String term : tokenizer.distinctTerms(text.text())) {
                if (term.length() <= 200) {
                    terms.merge(term, 1, Integer::sum);
                }
            }
            explanations.computeIfAbsent(text.productId(), k -> new HashMap<>()).merge(text.side(), 1, Integer::sum);
        });
        for (Map.Entry<Integer, Map<String, Map<String, Integer>>> product : counts.entrySet()) {
            for (Map.Entry<String, Map<String, Integer>> side : product.getValue().entrySet()) {
                int id = product.getKey();
                repository.writeProduct(tx, source, id, side.getKey(),
                        explanations.getOrDefault(id, Map.of()).getOrDefault(side.getKey(), 0),
                        aboutOthers.getOrDefault(id, Map.of()).getOrDefault(side.getKey(), 0), side.getValue());
            }
        }
        context.progress(done[0], total, "Counting terms");
        return counts.size();
    }
}
