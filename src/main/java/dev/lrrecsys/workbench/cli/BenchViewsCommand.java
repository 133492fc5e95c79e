package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.AttentionSummary;
import dev.lrrecsys.workbench.insight.AttentionHistograms;
import dev.lrrecsys.workbench.insight.KeywordAggregator;
import dev.lrrecsys.workbench.insight.KeywordRanking;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetBrowseRepository;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.ExplanationBrowseRepository;
import dev.lrrecsys.workbench.store.ExplanationFilter;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.store.Page;
import dev.lrrecsys.workbench.store.RunBrowseRepository;
import dev.lrrecsys.workbench.store.RunRecord;
import dev.lrrecsys.workbench.store.Tx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `lrw bench views --project DIR`: times the queries each of the eight views runs when it opens, and the
 * search, filter and page-100 variants (the data the window waits for; drawing adds a few tens of ms on top).
 * Page 100 is what the 100th press of Next reads: one page after the key where page 99 ended.
 */
@Command(name = "views", mixinStandardHelpOptions = true,
        description = "Time what each view loads when it opens (target: < 1 s on 1,000,000 interactions / 2,000,000 explanations).")
public final class BenchViewsCommand implements Callable<Integer> {

    private static final int PAGE = 100;

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    /** One view's opening queries; returns what it shows, in a few words. */
    @FunctionalInterface
    interface Opening {
        String run(Tx tx) throws Exception;
    }

    /** A page read by key. */
    @FunctionalInterface
    interface Pager<T> {
        Page<T> page(Tx tx, long after) throws Exception;
    }

    private final DatasetBrowseRepository dataset = new DatasetBrowseRepository();
    private final ExplanationBrowseRepository explanations = new ExplanationBrowseRepository();
    private final KeywordRepository keywords = new KeywordRepository();
    private final RunBrowseRepository runs = new RunBrowseRepository();
    private final ExperimentRepository experiments = new ExperimentRepository();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Project p = project.open()) {
            Database db = p.database();
            Map<String, Long> counts = db.read(dataset::counts);
            Map<String, String> shown = new LinkedHashMap<>();
            counts.forEach((k, v) -> shown.put(k, String.format(Locale.ROOT, "%,d", v)));
            shown.put("explanations", String.format(Locale.ROOT, "%,d", (long) db.read(explanations::total)));
            out.println("project: " + p.dir() + " " + shown);
            for (Map.Entry<String, Opening> v : views(db).entrySet()) {
                db.read(tx -> v.getValue().run(tx)); // the first run warms caches and JIT; the second is the figure
                long start = System.nanoTime();
                String what = db.read(tx -> v.getValue().run(tx));
                out.printf(Locale.ROOT, "view %s: %.0f ms  (%s)%n", v.getKey(), (System.nanoTime() - start) / 1e6, what);
                out.flush();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkbenchException("Benchmark failed: " + e.getMessage(), e);
        }
        return 0;
    }

    private Map<String, Opening> views(Database db) {
        String consumer = db.read(tx -> dataset.consumers(tx, "", Long.MIN_VALUE, PAGE)).rows().stream()
                .skip(PAGE / 2).findFirst().map(c -> c.externalId()).orElse("nobody");
        var products = db.read(tx -> dataset.products(tx, "", Long.MIN_VALUE, PAGE)).rows();
        String product = products.isEmpty() ? "nothing" : products.get(products.size() / 2).name();
        Integer productId = products.isEmpty() ? null : products.get(products.size() / 2).id();
        Long firstCase = db.read(runs::firstCase);
        Map<String, Opening> views = new LinkedHashMap<>();
        views.put("dataset", tx -> {
            dataset.counts(tx);
            int bars = dataset.ratingHistogram(tx).size();
            dataset.consumers(tx, "", Long.MIN_VALUE, PAGE);
            dataset.products(tx, "", Long.MIN_VALUE, PAGE);
            return bars + " histogram bars, " + rowsOf(dataset.interactions(tx, "", Long.MIN_VALUE, PAGE));
        });
        views.put("dataset interactions page 100", pageHundred(db, (t, after) -> dataset.interactions(t, "", after, PAGE)));
        views.put("dataset search \"a\"", tx -> {
            dataset.consumers(tx, "a", Long.MIN_VALUE, PAGE);
            dataset.products(tx, "a", Long.MIN_VALUE, PAGE);
            return rowsOf(dataset.interactions(tx, "a", Long.MIN_VALUE, PAGE));
        });
        views.put("dataset search \"a\" interactions page 100", pageHundred(db, (t, after) -> dataset.interactions(t, "a", after, PAGE)));
        views.put("dataset search consumer \"" + consumer + "\"", tx -> {
            dataset.consumers(tx, consumer, Long.MIN_VALUE, PAGE);
            dataset.products(tx, consumer, Long.MIN_VALUE, PAGE);
            return rowsOf(dataset.interactions(tx, consumer, Long.MIN_VALUE, PAGE));
        });
        views.put("dataset search product \"" + product + "\"", tx -> {
            dataset.consumers(tx, product, Long.MIN_VALUE, PAGE);
            dataset.products(tx, product, Long.MIN_VALUE, PAGE);
            return rowsOf(dataset.interactions(tx, product, Long.MIN_VALUE, PAGE));
        });
        views.put("explanations", tx -> explanations.sources(tx).size() + " sources, "
                + rowsOf(explanations.page(tx, ExplanationFilter.none(), Long.MIN_VALUE, PAGE)));
        views.put("explanations page 100", pageHundred(db, (t, after) -> explanations.page(t, ExplanationFilter.none(), after, PAGE)));
        views.put("explanations filter side=negative status=ok", tx -> rowsOf(explanations.page(tx,
                filter(null, null, "negative", "ok", null, null), Long.MIN_VALUE, PAGE)));
        views.put("explanations filter side=negative status=ok page 100", pageHundred(db, (t, after) -> explanations.page(t, filter(null, null, "negative", "ok", null, null), after, PAGE)));
        views.put("explanations filter status=failed", tx -> rowsOf(explanations.page(tx,
                filter(null, null, null, "failed", null, null), Long.MIN_VALUE, PAGE)));
        views.put("explanations filter consumer \"" + consumer + "\"", tx -> rowsOf(explanations.page(tx,
                filter(null, consumer, null, null, null, null), Long.MIN_VALUE, PAGE)));
        views.put("explanations filter product \"" + product + "\" side=negative", tx -> rowsOf(explanations.page(tx,
                filter(product, null, "negative", null, null, null), Long.MIN_VALUE, PAGE)));
        views.put("explanations filter text \"quiet\"", tx -> rowsOf(explanations.page(tx,
                filter(null, null, null, null, "quiet", null), Long.MIN_VALUE, PAGE)));
        views.put("explanations filter text \"quiet\" page 100", pageHundred(db, (t, after) -> explanations.page(t, filter(null, null, null, null, "quiet", null), after, PAGE)));
        views.put("explanations keyword drill-down (product #" + productId + ", negative, \"price\")", tx -> rowsOf(explanations.page(tx,
                new ExplanationFilter(null, null, "negative", null, "ok", "price", productId, null), Long.MIN_VALUE, PAGE)));
        views.put("keywords", tx -> {
            String what = "no keyword index";
            KeywordAggregator aggregator = new KeywordAggregator();
            for (KeywordRepository.Source s : keywords.builtSources(tx)) {
                keywords.built(tx, s);
                var mentions = keywords.products(tx, s);
                keywords.groups(tx);
                if (!mentions.isEmpty()) {
                    int id = mentions.get(0).id();
                    aggregator.forProduct(tx, s, id, "positive", KeywordRanking.FREQUENCY, 10);
                    aggregator.forProduct(tx, s, id, "negative", KeywordRanking.FREQUENCY, 10);
                    what = mentions.size() + " restaurants, keywords of the first";
                }
            }
            return what;
        });
        views.put("side-by-side", tx -> {
            Long id = runs.firstCase(tx);
            if (id == null) {
                return "no samples";
            }
            runs.sample(tx, id);
            return runs.explanations(tx, id).size() + " explanations, " + runs.predictions(tx, id).size() + " predictions";
        });
        views.put("case inspector", tx -> {
            if (firstCase == null) {
                return "no samples";
            }
            runs.sample(tx, firstCase);
            new DatasetRepository().find(tx);
            runs.explanations(tx, firstCase);
            var predictions = runs.predictions(tx, firstCase);
            runs.uncertainty(tx, firstCase);
            var withAttention = predictions.stream().filter(pr -> pr.alphaPos() != null).findFirst();
            if (withAttention.isPresent()) {
                runs.attentionMatrix(tx, withAttention.get().runId(), firstCase);
            }
            return predictions.size() + " predictions";
        });
        views.put("runs", tx -> {
            var list = runs.experiments(tx);
            if (list.isEmpty()) {
                return "no runs yet";
            }
            List<RunRecord> rs = experiments.runs(tx, list.get(0).id());
            if (!rs.isEmpty()) {
                experiments.curve(tx, rs.get(0).id());
            }
            return list.size() + " experiments, " + rs.size() + " runs in the first";
        });
        views.put("attention", tx -> {
            var list = runs.attentionRuns(tx);
            if (list.isEmpty()) {
                return "no attention weights yet";
            }
            DatasetInfo info = new DatasetRepository().find(tx).orElseThrow();
            var rows = experiments.attention(tx, list.get(0).id());
            AttentionHistograms.of(rows, info, 20);
            AttentionSummary.of(rows, info);
            return rows.size() + " test samples";
        });
        views.put("uncertainty vs gain", tx -> {
            for (var e : runs.experiments(tx)) {
                List<Double> fractions = experiments.uncertaintyFractions(tx, e.id());
                if (!fractions.isEmpty()) {
                    return experiments.uncertainty(tx, e.id(), fractions.get(fractions.size() - 1)).size() + " points";
                }
            }
            return "no uncertainty analysis yet";
        });
        return views;
    }

    private static ExplanationFilter filter(String product, String consumer, String side, String status, String text, Integer productId) {
        return new ExplanationFilter(product, consumer, side, null, status, text, productId, null);
    }

    /** Walks to where page 99 ends (not timed); the opening reads page 100 from there, as the 100th Next does. */
    private static <T> Opening pageHundred(Database db, Pager<T> pager) {
        long key = db.read(tx -> {
            long after = Long.MIN_VALUE;
            for (int i = 0; i < 99; i++) {
                Page<T> p = pager.page(tx, after);
                if (!p.more()) {
                    break;
                }
                after = p.nextKey();
            }
            return after;
        });
        return tx -> rowsOf(pager.page(tx, key));
    }

    private static String rowsOf(Page<?> p) {
        return p.rows().size() + " rows" + (p.total() >= 0 ? String.format(Locale.ROOT, " of %,d", p.total()) : ", uncounted");
    }
}
