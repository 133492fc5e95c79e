package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.explain.ContrastiveExplanationJob;
import dev.lrrecsys.workbench.explain.GenerationRequest;
import dev.lrrecsys.workbench.explain.GenerationSummary;
import dev.lrrecsys.workbench.explain.Generators;
import dev.lrrecsys.workbench.explain.LlmSettings;
import dev.lrrecsys.workbench.explain.LoopbackOllamaServer;
import dev.lrrecsys.workbench.explain.OfflineGenerator;
import dev.lrrecsys.workbench.explain.RetryPolicy;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.samples.SampleDerivationJob;
import dev.lrrecsys.workbench.ingest.synth.RestaurantWorldGenerator;
import dev.lrrecsys.workbench.ingest.synth.SynthSettings;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * `lrw bench generate`: the generation job's own overhead against a loopback Ollama-speaking server with a
 * fixed latency (achieved vs ideal prompts per second), and the offline reasoner's rate on a synthetic world.
 * Works in temporary projects that are deleted afterwards.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Benchmark explanation generation: the job against a loopback server with fixed latency "
                + "(ratio achieved/ideal printed last), and the offline reasoner on a synthetic world.")
public final class BenchGenerateCommand implements Callable<Integer> {

    @Option(names = "--latency-ms", defaultValue = "200", description = "Server latency per request (default: ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(names = "--concurrency", defaultValue = "8", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--requests", defaultValue = "400", description = "Prompts to send (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--offline-interactions", defaultValue = "50000",
            description = "Interactions of the synthetic world for the offline reasoner (default: ${DEFAULT-VALUE}; "
                    + "1000000 for the full-size figure, which takes a while to synthesise).")
    long offlineInteractions;

    @Option(names = "--endpoints", defaultValue = "1", description = "Loopback servers, each with the latency and "
            + "--concurrency slots: requests spread over them as over a fleet (default: ${DEFAULT-VALUE}; above 1 the offline "
            + "part is left out and --requests is per endpoint).")
    int endpoints;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (latencyMs < 1 || concurrency < 1 || requests < 2 || offlineInteractions < 2000 || endpoints < 1) {
            throw new WorkbenchException("--latency-ms, --concurrency and --endpoints must be at least 1, --requests at least 2, "
                    + "--offline-interactions at least 2000.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path tmp = Files.createTempDirectory("lrw-bench-generate");
        try {
            if (endpoints == 1) {
                offline(tmp.resolve("offline"), out, err);
            }
            // A first round without latency lets the JIT compile the client, server and store paths, so the
            // timed round measures the steady state of a long generation run.
            loopback(tmp.resolve("warm-up"), 0, null, err);
            double ratio = loopback(tmp.resolve("loopback"), latencyMs, out, err);
            out.println(String.format(Locale.ROOT, "ratio achieved/ideal: %.2f", ratio));
        } finally {
            deleteTree(tmp);
        }
        return 0;
    }

    private void offline(Path dir, PrintWriter out, PrintWriter err) {
        int consumers = (int) Math.max(100, offlineInteractions / 50);
        int products = (int) Math.max(50, Math.min(5000, offlineInteractions / 200));
        try (Project p = Project.create(dir)) {
            err.println("synthesising a world of " + offlineInteractions + " interactions for the offline reasoner...");
            err.flush();
            new RestaurantWorldGenerator(p.database(), new SynthSettings(consumers, products, offlineInteractions, 1))
                    .run(TaskContext.silent());
            SampleDerivationJob.ensureSamples(p.database(), TaskContext.silent());
            ContrastiveExplanationJob job = new ContrastiveExplanationJob(p.database(), new OfflineGenerator(),
                    new GenerationRequest(Variant.CONTRASTIVE, 0, false, GenerationRequest.OFFLINE_COMMIT_EVERY));
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            GenerationSummary s = ConsoleProgress.run(job, err);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            long prompts = s.ok() + s.rejected();
            double rate = prompts / seconds;
            double projected = 2.0 * (1_000_000 - 20_000) / rate;
            out.println(String.format(Locale.ROOT, "offline reasoner: %d explanations (%d samples of %d interactions) in %.1f s "
                            + "= %.0f explanations/s, stored; cpu %.1f s (%.0f explanations per cpu-second); load average %.1f on %d cores",
                    prompts, prompts / 2, offlineInteractions, seconds, rate, cpuSeconds, prompts / Math.max(cpuSeconds, 1e-9),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors()));
            out.println(String.format(Locale.ROOT, "offline reasoner, 1M-interaction world (about 1.96M explanations): "
                    + "%s at this rate%s", formatSeconds(projected), offlineInteractions >= 1_000_000 ? " (measured above)" : " (projected)"));
        }
    }

    private double loopback(Path dir, long latency, PrintWriter out, PrintWriter err) throws Exception {
        int samples = (requests * endpoints + 1) / 2;
        int consumers = Math.max(10, samples / 20);
        java.util.List<LoopbackOllamaServer> servers = new java.util.ArrayList<>();
        try (Project p = Project.create(dir)) {
            for (int i = 0; i < endpoints; i++) {
                servers.add(LoopbackOllamaServer.start(latency, "llama3.1:latest"));
            }
            String urls = String.join(",", servers.stream().map(LoopbackOllamaServer::baseUrl).toList());
            new RestaurantWorldGenerator(p.database(), new SynthSettings(consumers, 60, samples + consumers, 1))
                    .run(TaskContext.silent());
            SampleDerivationJob.ensureSamples(p.database(), TaskContext.silent());
            LlmSettings settings = new LlmSettings(urls, "llama3.1", 0, 120, Duration.ofSeconds(60));
            ContrastiveExplanationJob job = new ContrastiveExplanationJob(p.database(),
                    Generators.create("ollama", settings, concurrency, RetryPolicy.DEFAULT),
                    new GenerationRequest(Variant.CONTRASTIVE, samples, false, GenerationRequest.LLM_COMMIT_EVERY));
            job.estimate(TaskContext.silent()); // includes the short probe, as a real run does
            long sentBefore = servers.stream().mapToLong(LoopbackOllamaServer::generationRequests).sum();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            if (out == null) {
                job.run(TaskContext.silent());
            } else {
                ConsoleProgress.run(job, err);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            long sent = servers.stream().mapToLong(LoopbackOllamaServer::generationRequests).sum() - sentBefore;
            double achieved = sent / seconds;
            double ideal = endpoints * concurrency * 1000.0 / Math.max(1, latency);
            if (out == null) {
                return achieved / ideal;
            }
            out.println(String.format(Locale.ROOT, "loopback server%s: latency %d ms, concurrency %d%s, %d prompts (%d sent in the "
                    + "timed run, %d in the probe before it)", endpoints == 1 ? "" : "s: " + endpoints, latencyMs, concurrency,
                    endpoints == 1 ? "" : " per endpoint", 2L * samples, sent, sentBefore));
            for (int i = 0; i < servers.size() && endpoints > 1; i++) {
                out.println("endpoint " + (i + 1) + ": " + servers.get(i).generationRequests() + " requests");
            }
            out.println(String.format(Locale.ROOT, "achieved: %.1f prompts/s (%d in %.2f s)", achieved, sent, seconds));
            out.println(String.format(Locale.ROOT, "cpu: %.2f s for the whole process, client and loopback server together "
                    + "(%.1f ms per prompt); load average %.1f on %d cores", cpuSeconds, 1000 * cpuSeconds / Math.max(1, sent),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors()));
            out.println(String.format(Locale.ROOT, "ideal: %.1f prompts/s (endpoints x concurrency / latency)", ideal));
            return achieved / ideal;
        } finally {
            servers.forEach(LoopbackOllamaServer::close);
        }
    }

    /** CPU time of this process, to tell our overhead from a busy machine's scheduling delays. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
