package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetBrowseRepository;
import dev.lrrecsys.workbench.store.ExplanationBrowseRepository;
import dev.lrrecsys.workbench.store.ExplanationFilter;
import dev.lrrecsys.workbench.store.KeywordRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `lrw bench views --project DIR`: times the queries each view runs when it opens (the data the window waits for;
 * drawing adds a few tens of milliseconds on top).
 */
@Command(name = "views", mixinStandardHelpOptions = true,
        description = "Time what each view loads when it opens (target: < 1 s on 1,000,000 interactions / 2,000,000 explanations).")
public final class BenchViewsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One view's opening queries. */
    @FunctionalInterface
    interface Opening {
        void run(Database db) throws Exception;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DatasetBrowseRepository dataset = new DatasetBrowseRepository();
        ExplanationBrowseRepository explanations = new ExplanationBrowseRepository();
        KeywordRepository keywords = new KeywordRepository();
        Map<String, Opening> views = new LinkedHashMap<>();
        views.put("dataset", db -> db.read(tx -> {
            dataset.counts(tx);
            dataset.ratingHistogram(tx);
            dataset.consumers(tx, "", 0, 100);
            dataset.products(tx, "", 0, 100);
            return dataset.interactions(tx, "", 0, 100);
        }));
        views.put("dataset search", db -> db.read(tx -> dataset.interactions(tx, "a", 0, 100)));
        views.put("explanations", db -> db.read(tx -> {
            explanations.sources(tx);
            return explanations.page(tx, ExplanationFilter.none(), 0, 100);
        }));
        views.put("explanations page 100", db -> db.read(tx -> explanations.page(tx, ExplanationFilter.none(), 9_900, 100)));
        views.put("keywords", db -> db.read(tx -> {
            for (KeywordRepository.Source s : keywords.builtSources(tx)) {
                keywords.built(tx, s);
                keywords.products(tx, s);
            }
            return keywords.groups(tx);
        }));
        try (Project p = project.open()) {
            Map<String, String> counts = new LinkedHashMap<>();
            p.database().read(tx -> {
                dataset.counts(tx).forEach((k, v) -> counts.put(k, String.format(Locale.ROOT, "%,d", v)));
                counts.put("explanations", String.format(Locale.ROOT, "%,d", explanations.total(tx)));
                return null;
            });
            out.println("project: " + p.dir() + " " + counts);
            for (Map.Entry<String, Opening> v : views.entrySet()) {
                v.getValue().run(p.database()); // first run warms caches and JIT; the second is the figure
                long start = System.nanoTime();
                v.getValue().run(p.database());
                out.printf(Locale.ROOT, "view %s: %.0f ms%n", v.getKey(), (System.nanoTime() - start) / 1e6);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new dev.lrrecsys.workbench.WorkbenchException("Benchmark failed: " + e.getMessage(), e);
        }
        return 0;
    }
}
