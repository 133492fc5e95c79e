package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.explain.ContrastiveExplanationJob;
import dev.lrrecsys.workbench.explain.ExplanationGenerator;
import dev.lrrecsys.workbench.explain.GenerationEstimate;
import dev.lrrecsys.workbench.explain.GenerationRequest;
import dev.lrrecsys.workbench.explain.GenerationSummary;
import dev.lrrecsys.workbench.explain.Generators;
import dev.lrrecsys.workbench.explain.LlmSettings;
import dev.lrrecsys.workbench.explain.OllamaBackend;
import dev.lrrecsys.workbench.explain.RetryPolicy;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `lrw generate`: writes the explanations of every sample with the chosen generator (estimate first). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate explanations for every sample: offline reasoner (no LLM), a local Ollama, or an "
                + "OpenAI-compatible server. Resumable: rerun the same command to finish an interrupted run.")
public final class GenerateCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--generator", defaultValue = "offline", paramLabel = "NAME",
            description = "offline | ollama | openai-compatible (default: ${DEFAULT-VALUE}).")
    String generator;

    @Option(names = "--model", paramLabel = "M", description = "LLM model (default: llama3.1 for ollama).")
    String model;

    @Option(names = "--url", paramLabel = "U", description = "Server base URL (default for ollama: http://localhost:11434).")
    String url;

    @Option(names = "--variant", defaultValue = "contrastive", paramLabel = "V",
            description = "contrastive | positive-only | general | aspects | history-summary | direct-rating (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--concurrency", defaultValue = "4", paramLabel = "N", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Only the first N samples (default: all).")
    long limit;

    @Option(names = "--profiles", description = "Write product profiles first (profile augmentation) and use them in the prompts.")
    boolean profiles;

    @Option(names = "--temperature", defaultValue = "0.2", paramLabel = "T", description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--max-tokens", defaultValue = "120", paramLabel = "K", description = "Answer token limit (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--yes", description = "Do not ask before sending prompts to an LLM.")
    boolean yes;

    @Option(names = "--list-models", description = "Print the models pulled on the Ollama server (--url) and exit.")
    boolean listModels;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Variant v = Variant.of(variant);
        LlmSettings settings = new LlmSettings(
                url != null ? url : LlmSettings.DEFAULT_OLLAMA_URL,
                model != null ? model : LlmSettings.DEFAULT_OLLAMA_MODEL,
                temperature, maxTokens, Duration.ofSeconds(timeoutSeconds));
        if (listModels) {
            List<String> pulled = OllamaBackend.pulledModels(settings.url(), settings.timeout());
            if (pulled == null) {
                throw new WorkbenchException("Cannot reach Ollama at " + settings.url() + ": is `ollama serve` running?");
            }
            pulled.forEach(out::println);
            return 0;
        }
        try (Project p = project.open();
             ExplanationGenerator g = Generators.create(generator, settings, concurrency, RetryPolicy.DEFAULT)) {
            int commitEvery = g.usesPrompts() ? GenerationRequest.LLM_COMMIT_EVERY : GenerationRequest.OFFLINE_COMMIT_EVERY;
            ContrastiveExplanationJob job = new ContrastiveExplanationJob(p.database(), g,
                    new GenerationRequest(v, limit, profiles, commitEvery));
            GenerationEstimate estimate = ConsoleProgress.run(new Job<GenerationEstimate>() {
                @Override
                public String title() {
                    return "Estimate";
                }

                @Override
                public GenerationEstimate run(TaskContext context) throws Exception {
                    return job.estimate(context);
                }
            }, err);
            out.println("generator: " + g.generator() + " (" + g.model() + ")");
            out.print(estimate.describe());
            out.flush();
            if (g.usesPrompts() && !yes && estimate.toGenerate() > 0 && !confirmed(out)) {
                out.println("nothing generated");
                return 0;
            }
            GenerationSummary summary = ConsoleProgress.run(job, err);
            out.println(summary.describe());
            out.println(String.format(Locale.ROOT, "rate: %.0f prompts/s", (summary.ok() + summary.rejected()
                    + summary.failed() + summary.cached()) / Math.max(summary.seconds(), 1e-9)));
        }
        return 0;
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
