package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.insight.KeywordAggregator;
import dev.lrrecsys.workbench.insight.KeywordRanking;
import dev.lrrecsys.workbench.insight.KeywordTruthCheck;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.BuildKeywordIndex;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.store.KeywordRepository.ProductMentions;
import dev.lrrecsys.workbench.store.KeywordRepository.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * `lrw bench keywords --project DIR`: builds the keyword index if needed (timed), then times the keyword query of
 * the seller's view (both sides, both rankings) for restaurants spread over the product list.
 */
@Command(name = "keywords", mixinStandardHelpOptions = true,
        description = "Time one restaurant's keyword aggregation (target: < 200 ms on 2,000,000 explanations).")
public final class BenchKeywordsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--restaurants", defaultValue = "50", description = "How many restaurants to query (default ${DEFAULT-VALUE}).")
    int restaurants;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        KeywordRepository repository = new KeywordRepository();
        KeywordAggregator aggregator = new KeywordAggregator();
        try (Project p = project.open()) {
            List<Source> sources = p.database().read(repository::indexableSources);
            if (sources.isEmpty()) {
                throw new WorkbenchException("No 'ok' contrastive explanations in " + p.dir() + ": generate explanations first (lrw generate).");
            }
            Source source = sources.stream().filter(s -> "offline".equals(s.generator())).findFirst().orElse(sources.get(0));
            long explanations = p.database().read(tx -> repository.countIndexable(tx, source));
            if (p.database().read(tx -> repository.built(tx, source)).isEmpty()) {
                long start = System.nanoTime();
                ConsoleProgress.run(BuildKeywordIndex.job(p, source), spec.commandLine().getErr());
                out.printf(Locale.ROOT, "keyword index build: %.1f s for %,d explanations (%s)%n",
                        (System.nanoTime() - start) / 1e9, explanations, source.label());
            }
            List<ProductMentions> products = p.database().read(tx -> repository.products(tx, source));
            List<ProductMentions> picked = new ArrayList<>();
            int step = Math.max(1, products.size() / Math.max(1, restaurants));
            for (int i = 0; i < products.size() && picked.size() < restaurants; i += step) {
                picked.add(products.get(i));
            }
            List<Double> millis = new ArrayList<>();
            for (ProductMentions m : picked) {
                long start = System.nanoTime();
                p.database().read(tx -> {
                    for (KeywordRanking r : KeywordRanking.values()) {
                        aggregator.forProduct(tx, source, m.id(), "positive", r, 15);
                        aggregator.forProduct(tx, source, m.id(), "negative", r, 15);
                    }
                    return null;
                });
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            KeywordTruthCheck truthCheck = new KeywordTruthCheck();
            for (KeywordRanking r : KeywordRanking.values()) {
                p.database().read(tx -> truthCheck.negativePrecision(tx, source, r, 5)).ifPresent(result -> out.printf(Locale.ROOT,
                        "negative keyword precision@5 (%s): %.3f over %d restaurants with at least 20 negative explanations%n",
                        r.key(), result.meanPrecision(), result.restaurants()));
            }
            out.printf(Locale.ROOT, "keywords per restaurant (both sides, both rankings): median %.1f ms, p95 %.1f ms, max %.1f ms "
                            + "over %d restaurants; %,d explanations, %,d products%n",
                    percentile(millis, 0.5), percentile(millis, 0.95), millis.get(millis.size() - 1), millis.size(),
                    explanations, products.size());
        }
        return 0;
    }

    static double percentile(List<Double> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
