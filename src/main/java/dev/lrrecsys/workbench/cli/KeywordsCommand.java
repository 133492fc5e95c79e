package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.insight.Keyword;
import dev.lrrecsys.workbench.insight.KeywordAggregator;
import dev.lrrecsys.workbench.insight.KeywordIndexJob;
import dev.lrrecsys.workbench.insight.KeywordRanking;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.BuildKeywordIndex;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.store.KeywordRepository.ProductMentions;
import dev.lrrecsys.workbench.store.KeywordRepository.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * `lrw keywords --project DIR`: builds the keyword precompute from the stored explanations (run it after
 * generation); with --product, prints that restaurant's top positive and negative keywords.
 */
@Command(name = "keywords", mixinStandardHelpOptions = true,
        description = "Build the keyword index of the explanations, or print one product's top keywords (--product).")
public final class KeywordsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--generator", description = "Only this generator's explanations (default: every generator/model found).")
    String generator;

    @Option(names = "--model", description = "With --generator: only this model.")
    String model;

    @Option(names = "--product", paramLabel = "TEXT", description = "Print the keywords of the product whose name contains TEXT.")
    String product;

    @Option(names = "--top", defaultValue = "10", description = "How many keywords per side (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--rank", defaultValue = "peers", description = "peers (share of the product's explanations minus its "
            + "peers' share: same city or category), frequency or distinctiveness (default ${DEFAULT-VALUE}).")
    String rank;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Project p = project.open()) {
            KeywordRepository repository = new KeywordRepository();
            List<Source> sources = p.database().read(repository::indexableSources).stream()
                    .filter(s -> generator == null || s.generator().equals(generator))
                    .filter(s -> model == null || s.model().equals(model)).toList();
            if (sources.isEmpty()) {
                throw new WorkbenchException("No 'ok' contrastive explanations" + (generator == null ? "" : " from " + generator)
                        + " in " + p.dir() + ": generate explanations first (lrw generate).");
            }
            if (product == null) {
                for (Source s : sources) {
                    KeywordIndexJob.Result r = ConsoleProgress.run(BuildKeywordIndex.job(p, s), spec.commandLine().getErr());
                    out.println("indexed: " + s.label() + ": " + r.explanations() + " explanations, " + r.products() + " products"
                            + r.leftOutNote());
                }
                return 0;
            }
            printKeywords(p, sources.get(0), out);
        }
        return 0;
    }

    private void printKeywords(Project p, Source source, PrintWriter out) {
        KeywordRanking ranking = java.util.Arrays.stream(KeywordRanking.values())
                .filter(r -> r.key().equals(rank.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new WorkbenchException("Unknown ranking '" + rank + "': use peers, frequency or distinctiveness."));
        KeywordRepository repository = new KeywordRepository();
        KeywordAggregator aggregator = new KeywordAggregator();
        p.database().read(tx -> {
            if (repository.built(tx, source).isEmpty()) {
                throw new WorkbenchException("The keyword index of " + source.label() + " is not built: run `lrw keywords --project "
                        + p.dir() + "` first.");
            }
            String needle = product.toLowerCase(Locale.ROOT);
            ProductMentions match = repository.products(tx, source).stream()
                    .filter(m -> m.name().toLowerCase(Locale.ROOT).contains(needle)).findFirst()
                    .orElseThrow(() -> new WorkbenchException("No product whose name contains '" + product + "'."));
            out.println("product: " + match.name() + " (" + source.label() + ")");
            out.println("ranking: " + ranking.key());
            long[] leftOut = new long[2];
            for (String side : List.of("positive", "negative")) {
                KeywordAggregator.SideKeywords k = aggregator.forProduct(tx, source, match.id(), side, ranking, top);
                leftOut[side.equals("positive") ? 0 : 1] = k.leftOut();
                if (ranking == KeywordRanking.PEERS && side.equals("positive")) {
                    out.println("peers: " + k.peers());
                }
                StringBuilder b = new StringBuilder(side + " (" + k.explanations() + " explanations):");
                for (Keyword w : k.keywords()) {
                    b.append(' ').append(w.term()).append(" (").append(w.count()).append(')').append(',');
                }
                out.println(b.charAt(b.length() - 1) == ',' ? b.substring(0, b.length() - 1) : b.toString());
            }
            if (leftOut[0] + leftOut[1] > 0) {
                out.println(String.format(Locale.ROOT, "left out: %d positive, %d negative (retrieved from a seed sample "
                        + "about another product)", leftOut[0], leftOut[1]));
            }
            return null;
        });
    }
}
