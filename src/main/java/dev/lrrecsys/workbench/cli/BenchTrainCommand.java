package dev.lrrecsys.workbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `lrw bench train`: training speed of LR-Recsys and the explanation autoencoder on random data. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train LR-Recsys on a random in-memory sample set and the explanation autoencoder on generated "
                + "sentences; print samples/second and peak memory. The last line is the LR-Recsys figure.")
final class BenchTrainCommand implements Callable<Integer> {

    @Option(names = "--samples", defaultValue = "100000", description = "Training samples (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--epochs", defaultValue = "1", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--consumers", defaultValue = "5000", description = "Consumer table size (default ${DEFAULT-VALUE}).")
    int consumers;

    @Option(names = "--products", defaultValue = "2000", description = "Product table size (default ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--sentences", defaultValue = "5000",
            description = "Generated sentences for one autoencoder epoch (default ${DEFAULT-VALUE}).")
    int sentences;

    @Option(names = "--ae-epochs", defaultValue = "1",
            description = "Autoencoder epochs over the sentences (default ${DEFAULT-VALUE}; a 30k-interaction world: "
                    + "--sentences 44794 --ae-epochs 10).")
    int autoencoderEpochs;

    @Option(names = "--threads", defaultValue = "1",
            description = "CPU threads of the Nd4j backend (default ${DEFAULT-VALUE}; same as -Dlrw.nd4j.threads).")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        System.setProperty("lrw.nd4j.threads", Integer.toString(threads));
        TrainingBenchmark.Result r = ConsoleProgress.run(
                new TrainingBenchmark(samples, epochs, batch, consumers, products, sentences, autoencoderEpochs), spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "lr-recsys: %d samples x %d epochs, batch %d, %d parameters, %.1f s, final loss %.4f%n",
                r.samples(), r.epochs(), r.batchSize(), r.parameters(), r.lrRecsysSeconds(), r.finalLoss());
        out.printf(Locale.ROOT, "autoencoder training sentences/s: %.0f (%d sentences, %d epoch%s, %.1f s)%n",
                r.autoencoderSentencesPerSecond(), r.sentences(), autoencoderEpochs, autoencoderEpochs == 1 ? "" : "s",
                r.autoencoderSeconds());
        out.printf(Locale.ROOT, "lr-recsys engine: %s, %d training threads (nd4j threads: %d)%n", r.engine(),
                r.trainThreads(), r.threads());
        if (!Double.isNaN(r.graphSamplesPerSecond())) {
            out.printf(Locale.ROOT, "lr-recsys on the SameDiff graph engine, for comparison: %.0f samples/s (%d samples)%n",
                    r.graphSamplesPerSecond(), r.graphSamples());
        }
        out.printf(Locale.ROOT, "peak heap: %.0f MiB%n", r.peakHeapBytes() / 1048576.0);
        out.printf(Locale.ROOT, "peak off-heap (resident minus committed heap): %.0f MiB, peak resident: %.0f MiB%n",
                r.peakNativeBytes() / 1048576.0, r.peakPhysicalBytes() / 1048576.0);
        out.println("memory limits: " + OffHeapBudget.current().describe());
        long peakRss = peakResidentKilobytes();
        out.println(peakRss < 0 ? "peak rss: not measured (no /proc/self/status)"
                : String.format(Locale.ROOT, "peak rss: %d MB", peakRss / 1024));
        out.printf(Locale.ROOT, "lr-recsys samples per CPU-second of the process: %.0f (system load average %.1f "
                + "on %d cores while it ran)%n", r.samples() * (double) r.epochs() / r.lrRecsysCpuSeconds(), r.loadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "lr-recsys training samples/s: %.0f%n", r.lrRecsysSamplesPerSecond());
        return 0;
    }

    /** The process's peak resident memory (VmHWM, kB) since it started, or -1 where the kernel does not say. */
    static long peakResidentKilobytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
