package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.model.AutoencoderSettings;
import dev.lrrecsys.workbench.model.ExplanationAutoencoder;
import dev.lrrecsys.workbench.model.ExplanationVocabulary;
import dev.lrrecsys.workbench.model.LrRecsysNetwork;
import dev.lrrecsys.workbench.model.LrRecsysVariant;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.model.SampleSet;
import dev.lrrecsys.workbench.model.TrainingEngine;
import dev.lrrecsys.workbench.model.TrainingSettings;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;
import org.bytedeco.javacpp.Pointer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures training speed on random in-memory data (no project needed): LR-Recsys on a synthetic
 * {@link SampleSet} of the asked size, and the explanation autoencoder on generated sentences, with
 * peak Java heap and peak native (off-heap) memory while they run.
 */
public final class TrainingBenchmark implements Job<TrainingBenchmark.Result> {

    private static final String[] WORDS = ("the consumer visited did not visit this restaurant because likes avoids "
            + "and is quiet cheap lively upscale family thai mexican italian japanese indian food service atmosphere "
            + "authentic modern traditional healthy quick snack fine dining experience unique dishes parking").split(" ");

    /** Samples the slow SameDiff engine trains for the comparison line (a full 100k epoch would take minutes). */
    private static final int GRAPH_SAMPLES = 5_000;

    private final int samples;
    private final int epochs;
    private final int batchSize;
    private final int consumers;
    private final int products;
    private final int sentences;
    private final int autoencoderEpochs;

    /** Figures of one run. */
    public record Result(int samples, int epochs, int batchSize, long parameters, double lrRecsysSeconds,
                         double lrRecsysSamplesPerSecond, double finalLoss, int sentences, double autoencoderSeconds,
                         double autoencoderSentencesPerSecond, long peakHeapBytes, long peakNativeBytes,
                         long peakPhysicalBytes, int threads, double lrRecsysCpuSeconds, double loadAverage,
                         String engine, int trainThreads, double graphSamplesPerSecond, int graphSamples) {
    }

    public TrainingBenchmark(int samples, int epochs, int batchSize, int consumers, int products, int sentences,
                             int autoencoderEpochs) {
        this.autoencoderEpochs = autoencoderEpochs;
        this.samples = samples;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.consumers = consumers;
        this.products = products;
        this.sentences = sentences;
    }

    @Override
    public String title() {
        return "Training benchmark";
    }

    @Override
    public Result run(TaskContext context) throws Exception {
        SampleSet set = randomSamples(new Random(1));
        MemoryWatch watch = new MemoryWatch();
        watch.start();
        try {
            LrRecsysNetwork net = new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS);
            TrainingSettings settings = new TrainingSettings(PredictionTask.REGRESSION, epochs, 0, batchSize, 0.01, 42,
                    consumers, products);
            double[] loss = {Double.NaN};
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            net.fit(set, null, settings, (epoch, l, m) -> {
                loss[0] = l;
                context.progress(epoch, epochs, String.format(Locale.ROOT, "lr-recsys epoch %d, loss %.4f", epoch, l));
            }, context);
            double lrSeconds = (System.nanoTime() - t0) / 1e9;
            double lrCpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            double graphRate = net.engine() == TrainingEngine.SAMEDIFF ? Double.NaN : graphRate(set, context);

            List<String> corpus = randomSentences(new Random(2));
            ExplanationAutoencoder ae = new ExplanationAutoencoder(ExplanationVocabulary.build(corpus, 1, 5000), 42);
            long t1 = System.nanoTime();
            ae.fit(corpus, new AutoencoderSettings(autoencoderEpochs, 128, 0.1, AutoencoderSettings.Optimizer.ADAGRAD, 1, 5000, 42),
                    (e, l, m) -> context.message("autoencoder epoch " + e), context);
            double aeSeconds = (System.nanoTime() - t1) / 1e9;
            watch.sample();
            return new Result(samples, epochs, batchSize, net.parameterCount(), lrSeconds,
                    (double) samples * epochs / lrSeconds, loss[0], sentences, aeSeconds,
                    (double) sentences * autoencoderEpochs / aeSeconds,
                    watch.peakHeap.get(), watch.peakNative.get(), watch.peakPhysical.get(),
                    Integer.getInteger("lrw.nd4j.threads", 1), lrCpuSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), net.engine().label(),
                    net.engine().threads(), graphRate,
                    GRAPH_SAMPLES);
        } finally {
            watch.interrupt();
            watch.join();
        }
    }

    /** Samples/s of the same network trained by SameDiff on the first samples, for comparison. */
    private double graphRate(SampleSet set, TaskContext context) {
        int n = Math.min(GRAPH_SAMPLES, set.size());
        SampleSet head = new SampleSet(java.util.Arrays.copyOf(set.sampleIds(), n), java.util.Arrays.copyOf(set.consumers(), n),
                java.util.Arrays.copyOf(set.products(), n), java.util.Arrays.copyOf(set.history(), n * SampleSet.HISTORY),
                java.util.Arrays.copyOf(set.positive(), n * 8), java.util.Arrays.copyOf(set.negative(), n * 8), 8,
                java.util.Arrays.copyOf(set.target(), n), java.util.Arrays.copyOf(set.rating(), n));
        LrRecsysNetwork graph = new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS).usingEngine(TrainingEngine.SAMEDIFF);
        context.message("lr-recsys on the SameDiff graph, " + n + " samples, for comparison");
        long t = System.nanoTime();
        graph.fit(head, null, new TrainingSettings(PredictionTask.REGRESSION, 1, 0, batchSize, 0.01, 42, consumers, products),
                (e, l, m) -> { }, context);
        return n / ((System.nanoTime() - t) / 1e9);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private SampleSet randomSamples(Random r) {
        int n = samples;
        int d = 8;
        long[] ids = new long[n];
        int[] c = new int[n];
        int[] p = new int[n];
        int[] h = new int[n * SampleSet.HISTORY];
        float[] pos = new float[n * d];
        float[] neg = new float[n * d];
        float[] target = new float[n];
        double[] rating = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            c[i] = r.nextInt(consumers);
            p[i] = r.nextInt(products);
            int padding = r.nextInt(SampleSet.HISTORY);
            for (int k = 0; k < SampleSet.HISTORY; k++) {
                h[i * SampleSet.HISTORY + k] = k < padding ? -1 : r.nextInt(products);
            }
            for (int k = 0; k < d; k++) {
                pos[i * d + k] = (float) r.nextGaussian();
                neg[i * d + k] = (float) r.nextGaussian();
            }
            target[i] = r.nextFloat();
            rating[i] = 1 + 4 * target[i];
        }
        return new SampleSet(ids, c, p, h, pos, neg, d, target, rating);
    }

    private List<String> randomSentences(Random r) {
        List<String> out = new ArrayList<>(sentences);
        for (int i = 0; i < sentences; i++) {
            int len = 20 + r.nextInt(25);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < len; k++) {
                b.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Samples heap and native memory every 50 ms and keeps the peaks. */
    private static final class MemoryWatch extends Thread {
        final AtomicLong peakHeap = new AtomicLong();
        final AtomicLong peakNative = new AtomicLong();
        final AtomicLong peakPhysical = new AtomicLong();

        MemoryWatch() {
            super("lrw-bench-memory");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                sample();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void sample() {
            long heapUsed = 0;
            long heapCommitted = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapUsed += pool.getUsage().getUsed();
                    heapCommitted += pool.getUsage().getCommitted();
                }
            }
            long physical = Pointer.physicalBytes();
            peakHeap.accumulateAndGet(heapUsed, Math::max);
            // Nd4j's CPU buffers are not counted by JavaCPP: off-heap is the process's resident memory
            // minus the committed Java heap (code, metaspace and thread stacks included).
            peakNative.accumulateAndGet(physical - heapCommitted, Math::max);
            peakPhysical.accumulateAndGet(physical, Math::max);
        }
    }
}
