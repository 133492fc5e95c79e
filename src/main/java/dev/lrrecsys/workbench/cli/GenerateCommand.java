package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.explain.GenerationSummary;
import dev.lrrecsys.workbench.explain.OllamaBackend;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.GenerateExplanations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `lrw generate`: writes the explanations of every sample with the chosen generator (estimate first). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate explanations for every sample: offline reasoner (no LLM), a local Ollama, or an "
                + "OpenAI-compatible server. Resumable: rerun the same command to finish an interrupted run.")
public final class GenerateCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--generator", defaultValue = GenerateExplanations.Settings.OFFLINE, paramLabel = "NAME",
            description = "offline | ollama | openai-compatible (default: ${DEFAULT-VALUE}).")
    String generator;

    @Option(names = "--model", paramLabel = "M", description = "LLM model (default: " + GenerateExplanations.Settings.DEFAULT_MODEL + ").")
    String model;

    @Option(names = "--url", paramLabel = "U", description = "Server base URL, http:// or https:// (default: " + GenerateExplanations.Settings.DEFAULT_URL + ").")
    String url;

    @Option(names = "--variant", defaultValue = "contrastive", paramLabel = "V",
            description = "contrastive | positive-only | general | aspects | history-summary | direct-rating (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--concurrency", defaultValue = "" + GenerateExplanations.Settings.DEFAULT_CONCURRENCY, paramLabel = "N", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Only the first N samples (default: all).")
    long limit;

    @Option(names = "--profiles", description = "Write product profiles first (profile augmentation) and use them in the prompts.")
    boolean profiles;

    @Option(names = "--temperature", defaultValue = "" + GenerateExplanations.Settings.DEFAULT_TEMPERATURE, paramLabel = "T", description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--max-tokens", defaultValue = "" + GenerateExplanations.Settings.DEFAULT_MAX_TOKENS, paramLabel = "K", description = "Answer token limit (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--timeout", defaultValue = "" + GenerateExplanations.Settings.DEFAULT_TIMEOUT_SECONDS, paramLabel = "SECONDS", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--retry", paramLabel = "WHAT", description = "rejected: ask again for the prompts whose stored "
            + "answers were rejected (failed ones are always asked again).")
    String retry;

    @Option(names = "--candidates", defaultValue = "1", paramLabel = "N", description = "Best-of-N: N candidates per "
            + "side, the pair with the best alignment (LC + IC) kept, the others stored as rejected candidates; needs "
            + "`lrw scores` first (default: ${DEFAULT-VALUE}, plain generation).")
    int candidates;

    @Option(names = "--pool", defaultValue = "" + GenerateExplanations.Settings.DEFAULT_POOL, paramLabel = "FRACTION",
            description = "Reasoning pool: generate for this share of consumers (seeds) only; every other sample reuses the "
                    + "pair of the most similar seed sample (default: ${DEFAULT-VALUE}, every sample generated).")
    double pool;

    @Option(names = "--pool-long-history", defaultValue = "" + GenerateExplanations.Settings.DEFAULT_POOL_LONG_HISTORY,
            paramLabel = "SHARE", description = "Share of the seeds drawn in proportion to training interactions (the "
                    + "long-history bias); the rest by K-means clusters of behaviour (default: ${DEFAULT-VALUE}).")
    double poolLongHistory;

    @Option(names = "--pool-match", defaultValue = GenerateExplanations.Settings.DEFAULT_POOL_MATCH, paramLabel = "product|any",
            description = "Which seed sample a non-seed sample reuses: product = the most similar one with the same "
                    + "candidate product (the most similar of any product when no seed sample has it), any = the most "
                    + "similar of all (default: ${DEFAULT-VALUE}).")
    String poolMatch;

    @Option(names = "--export-batch", paramLabel = "FILE.jsonl", description = "Write the prompts still missing as OpenAI "
            + "Batch API request lines (for vLLM's run-batch or a hosted batch API) instead of generating; see docs/explanations.md.")
    java.nio.file.Path exportBatch;

    @Option(names = "--import-batch", paramLabel = "FILE.jsonl", description = "Store the answers of a batch output file "
            + "(validated like live answers, stored as openai-compatible / --model); bad lines are listed with their numbers.")
    java.nio.file.Path importBatch;

    @Option(names = "--yes", description = "Do not ask before sending prompts to an LLM.")
    boolean yes;

    @Option(names = "--list-models", description = "Print the models pulled on the Ollama server (--url; with a "
            + "comma-separated list, each server's under its URL, an unreachable one with the reason) and exit; "
            + "fails only when no server answers.")
    boolean listModels;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The workflow's settings these options describe (validated there, with messages naming the setting). */
    public GenerateExplanations.Settings settings() {
        if (retry != null && !retry.equals("rejected")) {
            throw new WorkbenchException("--retry takes 'rejected' (failed prompts are always asked again), got '" + retry + "'.");
        }
        return new GenerateExplanations.Settings(generator, model, url, Variant.of(variant), concurrency, limit, profiles,
                temperature, maxTokens, timeoutSeconds, retry != null).withCandidates(candidates).withPool(pool, poolLongHistory)
                .withPoolMatch(poolMatch);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GenerateExplanations.Settings settings = settings();
        if (listModels) {
            printModels(ConsoleProgress.run(GenerateExplanations.listModels(settings), err), out);
            return 0;
        }
        if (exportBatch != null || importBatch != null) {
            return batch(settings, out, err);
        }
        try (Project p = project.open()) {
            GenerateExplanations.Estimate estimate = ConsoleProgress.run(GenerateExplanations.estimate(p, settings), err);
            out.println("generator: " + estimate.generator() + " (" + estimate.model() + ")");
            out.print(estimate.pool() != null ? estimate.pool().describe()
                    : estimate.estimate().describe() + estimate.llmCallsLine() + System.lineSeparator());
            out.flush();
            if (estimate.usesPrompts() && !yes && estimate.estimate().toGenerate() > 0 && !confirmed(out)) {
                out.println("nothing generated");
                return 0;
            }
            GenerateExplanations.Outcome outcome = ConsoleProgress.run(GenerateExplanations.job(p, settings), err);
            GenerationSummary summary = outcome.summary();
            out.println(outcome.pool() != null ? outcome.pool().describe() : summary.describe());
            out.println(String.format(Locale.ROOT, "rate: %.0f prompts/s", (summary.ok() + summary.rejected()
                    + summary.failed() + summary.cached()) / Math.max(summary.seconds(), 1e-9)));
            if (outcome.keywords() != null) {
                out.println("keywords indexed: " + outcome.keywords().source().label() + ": "
                        + outcome.keywords().explanations() + " explanations, " + outcome.keywords().products() + " products"
                        + outcome.keywords().leftOutNote());
            }
            if (outcome.bestOfN() != null) {
                out.println(outcome.bestOfN().describe());
            }
            if (summary.allFailed()) {
                throw new WorkbenchException("Every prompt failed (" + summary.failed() + "): nothing was generated; the "
                        + "commonest reasons are listed above. Fix the cause and rerun: failed prompts are asked again.");
            }
        }
        return 0;
    }

    /**
     * One server: its models, one a line (as before the URL list existed). Several: each URL, then its models
     * indented, or the URL with "unreachable: " and the reason on one line.
     */
    static void printModels(java.util.List<OllamaBackend.ModelListing> listings, PrintWriter out) {
        if (listings.size() == 1) {
            listings.get(0).models().forEach(out::println);
            return;
        }
        for (OllamaBackend.ModelListing l : listings) {
            if (!l.answered()) {
                out.println(l.url() + ": unreachable: " + l.failure());
                continue;
            }
            out.println(l.url() + ":" + (l.models().isEmpty() ? " no models pulled" : ""));
            l.models().forEach(m -> out.println("  " + m));
        }
    }

    private int batch(GenerateExplanations.Settings settings, PrintWriter out, PrintWriter err) {
        if (exportBatch != null && importBatch != null) {
            throw new WorkbenchException("--export-batch and --import-batch are two steps: give one of them at a time.");
        }
        try (Project p = project.open()) {
            if (exportBatch != null) {
                long n = ConsoleProgress.run(GenerateExplanations.exportBatch(p, settings, exportBatch), err);
                out.println("exported: " + n + " requests to " + exportBatch);
                return 0;
            }
            var report = ConsoleProgress.run(GenerateExplanations.importBatch(p, settings, importBatch), err);
            out.println(report.describe());
            if (!report.problems().isEmpty()) {
                err.println(report.problems().size() + " line(s) were not stored (listed above); the stored answers are kept: "
                        + "fix or re-run those requests and import again.");
                return 1;
            }
            return 0;
        }
    }

    /** Asks on the console; without a console (scripts, pipes) the run goes ahead, as with --yes. */
    private static boolean confirmed(PrintWriter out) {
        if (System.console() == null) {
            return true;
        }
        out.print("Send these prompts? [y/N] ");
        out.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line != null && line.trim().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (IOException e) {
            return false;
        }
    }
}
