package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.explain.PoolBenchmark;
import dev.lrrecsys.workbench.explain.PoolSettings;
import dev.lrrecsys.workbench.ingest.synth.RestaurantWorldGenerator;
import dev.lrrecsys.workbench.ingest.synth.SynthSettings;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.samples.SampleDerivationJob;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.workflow.GenerateExplanations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `lrw bench pool`: the reasoning pool's selection and retrieval on a (by default 1M-sample) synthetic world. */
@Command(name = "pool", mixinStandardHelpOptions = true,
        description = "Benchmark the reasoning pool: behaviour vectors, seed selection (K-means), the seed index and "
                + "retrieval for every other sample, without generating or storing; plus exact vs HNSW per index size.")
public final class BenchPoolCommand implements Callable<Integer> {

    @Option(names = "--project", paramLabel = "DIR", description = "An existing project with samples (e.g. a 1M world made "
            + "with `lrw synth`); without it a world of --interactions is synthesised into a temporary folder.")
    Path project;

    @Option(names = "--interactions", defaultValue = "1050000", description = "Interactions of the synthesised world "
            + "(default: ${DEFAULT-VALUE}, about 1M samples).")
    long interactions;

    @Option(names = "--in-memory", paramLabel = "SAMPLES", description = "Make a restaurant-like world of this many "
            + "samples in memory (50 samples per consumer on average, 2,000 products) instead of reading a project.")
    Integer inMemory;

    @Option(names = "--pool", defaultValue = "0.1", paramLabel = "FRACTION", description = "Pool fraction (default: ${DEFAULT-VALUE}).")
    double fraction;

    @Option(names = "--pool-match", defaultValue = GenerateExplanations.Settings.DEFAULT_POOL_MATCH, paramLabel = "product|any",
            description = "Match by candidate product or over any seed sample, as `lrw generate --pool-match` (default: ${DEFAULT-VALUE}).")
    String poolMatch;

    @Option(names = "--threads", defaultValue = "2", description = "Retrieval threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new WorkbenchException("--threads must be at least 1.");
        }
        PoolSettings settings = new PoolSettings(fraction, GenerateExplanations.Settings.DEFAULT_POOL_LONG_HISTORY,
                GenerateExplanations.Settings.POOL_SEED, dev.lrrecsys.workbench.explain.PoolMatch.of(poolMatch));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (inMemory != null) {
            long cpu0 = processCpuNanos();
            long wall0 = System.nanoTime();
            PoolBenchmark.Result r = ConsoleProgress.run(job(null, settings, inMemory), err);
            print(r, out, cpu0, wall0);
            return 0;
        }
        Path dir = project;
        if (dir == null) {
            dir = Files.createTempDirectory("lrw-bench-pool").resolve("world");
            try (Project p = Project.create(dir)) {
                int consumers = (int) Math.max(100, interactions / 20);
                err.println("synthesising " + interactions + " interactions (" + consumers + " consumers, 2000 products) in " + dir);
                err.flush();
                new RestaurantWorldGenerator(p.database(), new SynthSettings(consumers, 2000, interactions, 1)).run(TaskContext.silent());
                SampleDerivationJob.ensureSamples(p.database(), TaskContext.silent());
            }
        }
        try (Project p = Project.open(dir)) {
            long cpu0 = processCpuNanos();
            long wall0 = System.nanoTime();
            PoolBenchmark.Result r = ConsoleProgress.run(job(p, settings, 0), err);
            print(r, out, cpu0, wall0);
        }
        return 0;
    }

    private dev.lrrecsys.workbench.task.Job<PoolBenchmark.Result> job(Project p, PoolSettings settings, int samples) {
        return new dev.lrrecsys.workbench.task.Job<>() {
            @Override
            public String title() {
                return "Benchmark the reasoning pool";
            }

            @Override
            public PoolBenchmark.Result run(TaskContext context) throws Exception {
                return p == null ? PoolBenchmark.runInMemory(Math.max(10, samples / 50), 2000, samples, settings, threads, context)
                        : PoolBenchmark.run(p.database(), settings, threads, context);
            }
        };
    }

    private void print(PoolBenchmark.Result r, PrintWriter out, long cpu0, long wall0) {
        {
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            out.println(String.format(Locale.ROOT, "world: %d samples, %d consumers; pool %.2f: %d seed consumers, %d seed samples; "
                    + "vectors of %d dimensions", r.samples(), r.consumers(), fraction, r.seedConsumers(), r.seedSamples(), r.dimension()));
            out.println(String.format(Locale.ROOT, "load and behaviour vectors: %.1f s", r.loadSeconds()));
            out.println(String.format(Locale.ROOT, "seed selection (K-means): %.1f s", r.selectSeconds()));
            out.println(String.format(Locale.ROOT, "seed index (%s): %.1f s", r.mode(), r.indexSeconds()));
            out.println(String.format(Locale.ROOT, "retrieval of %d samples on %d threads: %.1f s (mean similarity %.3f)",
                    r.samples() - r.seedSamples(), threads, r.retrieveSeconds(), r.meanSimilarity()));
            long others = r.samples() - r.seedSamples();
            out.println(String.format(Locale.ROOT, "pool match: %s, %d of %d samples fell back to a seed of any product; "
                    + "%d (%.1f%%) reuse a seed sample about another candidate", r.match().key(), r.fellBack(), others,
                    r.otherCandidate(), 100.0 * r.otherCandidate() / Math.max(1, others)));
            for (PoolBenchmark.Crossover c : r.crossovers()) {
                out.println(String.format(Locale.ROOT, "index of %d seeds: exact %.0f us/query, HNSW %.0f us/query (build %.1f s), "
                        + "same nearest seed %.1f%%", c.seeds(), c.exactMicros(), c.hnswMicros(), c.buildSeconds(), 100 * c.agreement()));
            }
            out.println(String.format(Locale.ROOT, "load average %.1f on %d cores",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors()));
            out.println(String.format(Locale.ROOT, "process cpu: %.1f s over %.1f s wall for the whole benchmark, exact-vs-HNSW "
                    + "comparison included (a busy machine stretches the wall time, not the cpu time)", cpu, wall));
            out.println(String.format(Locale.ROOT, "pool selection and retrieval: %.1f s (target: under 300 s)", r.totalSeconds()));
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
