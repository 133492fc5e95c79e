package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.task.TaskContext;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The LR-Recsys recommender network (PRODUCT.md step 4), defined as a SameDiff graph and trained with Adam on
 * batches of the training set, by the CPU kernel or by SameDiff itself ({@link TrainingEngine}); its variants
 * (ablations) differ only in what the two explanation slots receive.
 * Explanation features wider than 8 (sentence embeddings, ablation 2) get a learned projection to 8.
 */
public final class LrRecsysNetwork implements AttentionModel {

    private static final Logger LOG = LoggerFactory.getLogger(LrRecsysNetwork.class);
    private static final int INFERENCE_BATCH = 2048;

    private final String id;
    private final LrRecsysVariant variant;
    private TrainingEngine engine = TrainingEngine.current();
    private Path checkpoint;
    private LrRecsysState state;

    /** A network whose id is the variant's id ("lr-recsys", "positive-only", "id-only"). */
    public LrRecsysNetwork(LrRecsysVariant variant) {
        this(variant.id(), variant);
    }

    /** A network with its own id, e.g. "lr-recsys-minilm" for the sentence-embedding ablation. */
    public LrRecsysNetwork(String id, LrRecsysVariant variant) {
        this.id = id;
        this.variant = variant;
    }

    /** Saves the model to {@code file} after every epoch that ended with a finite loss. */
    public LrRecsysNetwork checkpointEachEpoch(Path file) {
        this.checkpoint = file;
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    /** Trains and runs this network with {@code chosen} instead of the process's engine (benchmarks compare them). */
    public LrRecsysNetwork usingEngine(TrainingEngine chosen) {
        this.engine = chosen;
        return this;
    }

    /** What trains and runs this network in this process. */
    public TrainingEngine engine() {
        return engine;
    }

    public LrRecsysVariant variant() {
        return variant;
    }

    /** Learned values in all (tables, attention, GRU, MLP); 0 before training or loading. */
    public long parameterCount() {
        return state == null ? 0 : state.parameterCount();
    }

    @Override
    public void fit(SampleSet train, SampleSet validation, TrainingSettings settings, EpochListener listener,
                    TaskContext context) {
        int batchSize = settings.batchSize();
        if (train.size() < batchSize) {
            throw new WorkbenchException("Training " + id + " needs at least one full batch: " + train.size()
                    + " training samples, batch size " + batchSize + ".");
        }
        if ((variant.usesPositive() || variant.usesNegative()) && train.explanationDim() < 1) {
            throw new WorkbenchException(id + " needs explanation features, and the samples have none: "
                    + "train the explanation autoencoder first, or choose id-only.");
        }
        LrRecsysGraph.Shape shape = new LrRecsysGraph.Shape(variant, settings.task(), settings.numConsumers(),
                settings.numProducts(), train.explanationDim());
        checkIndices(train, shape);
        if (validation != null) {
            checkIndices(validation, shape);
        }
        state = new LrRecsysState(shape, settings.seed());
        int n = train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random shuffle = new Random(settings.seed());
        try (Trainer trainer = engine == TrainingEngine.KERNEL ? new KernelTrainer(settings) : new GraphTrainer(settings)) {
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                shuffle(order, shuffle);
                double lossSum = 0;
                for (int from = 0, batchNo = 1; from < n; from += batchSize, batchNo++) {
                    context.checkCancelled();
                    int size = Math.min(batchSize, n - from);
                    double loss = trainer.step(train, order, from, size, epoch);
                    if (!Double.isFinite(loss)) {
                        trainer.rollback();
                        throw new WorkbenchException(String.format(Locale.ROOT,
                                "Training %s stopped: the loss became %s at epoch %d, batch %d (learning rate %s "
                                        + "too high, or non-finite inputs). The model keeps the weights of %s.",
                                id, Double.isNaN(loss) ? "NaN" : "infinite", epoch + 1, batchNo,
                                settings.learningRate(), epoch == 0 ? "its initialisation" : "epoch " + epoch));
                    }
                    lossSum += loss * size;
                }
                double trainLoss = lossSum / n;
                trainer.commit();
                double metric = validation == null || validation.size() == 0 ? Double.NaN
                        : ValidationMetric.of(settings.task(), predict(validation), validation.target());
                saveCheckpoint();
                LOG.debug("{} epoch {}: loss {} validation {}", id, epoch + 1, trainLoss, metric);
                listener.epochFinished(epoch + 1, trainLoss, metric);
            }
        }
    }

    /** One engine's training loop state; the network's arrays ({@link LrRecsysState}) hold the committed weights. */
    private interface Trainer extends AutoCloseable {
        /** One optimiser step on {@code order[from .. from+size-1]}; returns the batch loss (not finite: no update). */
        double step(SampleSet train, int[] order, int from, int size, int epoch);

        /** Makes the weights trained so far the network's weights (end of an epoch). */
        void commit();

        /** Puts back the weights of the last commit. */
        void rollback();

        @Override
        void close();
    }

    /** Trains a copy of the weights in the CPU kernel and writes them back at each commit. */
    private final class KernelTrainer implements Trainer {
        private final LrRecsysKernel kernel;
        private final double learningRate;

        KernelTrainer(TrainingSettings settings) {
            this.kernel = new LrRecsysKernel(state.shape, state.parameters(), LrRecsysKernel.defaultThreads());
            this.learningRate = settings.learningRate();
        }

        @Override
        public double step(SampleSet train, int[] order, int from, int size, int epoch) {
            return kernel.trainStep(train, order, from, size, learningRate);
        }

        @Override
        public void commit() {
            kernel.copyTo(state.parameters());
        }

        @Override
        public void rollback() {
            // The network's arrays were last written at the previous commit: nothing to undo.
        }

        @Override
        public void close() {
            kernel.close();
        }
    }

    /** Trains the SameDiff graph's own arrays, one graph call per batch, with Adam from ND4J. */
    private final class GraphTrainer implements Trainer {
        private final IUpdater adam;
        private final SampleBatch full;
        private SampleBatch rest;
        private Map<String, INDArray> lastGood;

        GraphTrainer(TrainingSettings settings) {
            this.adam = new Adam(settings.learningRate());
            this.full = new SampleBatch(settings.batchSize(), state.shape);
            this.lastGood = snapshot();
        }

        @Override
        public double step(SampleSet train, int[] order, int from, int size, int epoch) {
            SampleBatch batch = size == full.size ? full : rest(size);
            batch.fill(train, order, from);
            return state.trainStep(batch, adam, epoch);
        }

        private SampleBatch rest(int size) {
            if (rest == null || rest.size != size) {
                rest = new SampleBatch(size, state.shape);
            }
            return rest;
        }

        @Override
        public void commit() {
            lastGood = snapshot();
        }

        @Override
        public void rollback() {
            restore(lastGood);
        }

        @Override
        public void close() {
            // Nothing beyond the graph's arrays, which belong to the network.
        }
    }

    @Override
    public float[] predict(SampleSet samples) {
        return runInference(samples, LrRecsysGraph.PREDICTION, 1);
    }

    @Override
    public float[] attention(SampleSet samples) {
        return runInference(samples, LrRecsysGraph.ALPHA, TOKENS * TOKENS);
    }

    private float[] runInference(SampleSet samples, String output, int width) {
        LrRecsysState s = trained();
        checkIndices(samples, s.shape);
        if (engine == TrainingEngine.KERNEL) {
            return kernelInference(s, samples, output);
        }
        int n = samples.size();
        float[] out = new float[n * width];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SampleBatch full = n >= INFERENCE_BATCH ? new SampleBatch(INFERENCE_BATCH, s.shape) : null;
        SampleBatch rest = n % INFERENCE_BATCH == 0 ? null : new SampleBatch(n % INFERENCE_BATCH, s.shape);
        for (int from = 0; from < n; from += INFERENCE_BATCH) {
            SampleBatch batch = n - from >= INFERENCE_BATCH ? full : rest;
            batch.fill(samples, order, from);
            INDArray result = s.infer(batch, output).get(output);
            float[] values = result.reshape(batch.size * (long) width).toFloatVector();
            System.arraycopy(values, 0, out, from * width, values.length);
        }
        return out;
    }

    private static float[] kernelInference(LrRecsysState s, SampleSet samples, String output) {
        float[] prediction = new float[samples.size()];
        float[] alpha = LrRecsysGraph.ALPHA.equals(output) ? new float[samples.size() * TOKENS * TOKENS] : null;
        try (LrRecsysKernel kernel = new LrRecsysKernel(s.shape, s.parameters(), LrRecsysKernel.defaultThreads())) {
            kernel.infer(samples, prediction, alpha);
        }
        return alpha == null ? prediction : alpha;
    }

    @Override
    public void save(Path file) throws IOException {
        LrRecsysState s = trained();
        new ModelCheckpoint(id, s.shape).write(file, s.parameters());
    }

    @Override
    public void load(Path file) throws IOException {
        ModelCheckpoint.Loaded loaded = ModelCheckpoint.read(file);
        if (loaded.shape().variant() != variant) {
            throw new WorkbenchException("The checkpoint " + file + " holds a " + loaded.shape().variant().id()
                    + " network, not " + variant.id() + ".");
        }
        LrRecsysState fresh = new LrRecsysState(loaded.shape(), 0);
        Map<String, INDArray> target = fresh.parameters();
        for (Map.Entry<String, INDArray> e : target.entrySet()) {
            INDArray saved = loaded.arrays().get(e.getKey());
            if (saved == null || !java.util.Arrays.equals(saved.shape(), e.getValue().shape())) {
                throw new WorkbenchException("The checkpoint " + file + " does not fit this network: "
                        + "parameter " + e.getKey() + " is missing or has another shape.");
            }
            e.getValue().assign(saved);
        }
        state = fresh;
    }

    private void saveCheckpoint() {
        if (checkpoint == null) {
            return;
        }
        try {
            save(checkpoint);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write the checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    private LrRecsysState trained() {
        if (state == null) {
            throw new IllegalStateException(id + " is neither trained nor loaded");
        }
        return state;
    }

    private Map<String, INDArray> snapshot() {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        state.parameters().forEach((k, v) -> copy.put(k, v.dup()));
        return copy;
    }

    private void restore(Map<String, INDArray> saved) {
        state.parameters().forEach((k, v) -> v.assign(saved.get(k)));
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private void checkIndices(SampleSet samples, LrRecsysGraph.Shape shape) {
        if ((variant.usesPositive() || variant.usesNegative()) && samples.explanationDim() != shape.explanationDim()) {
            throw new WorkbenchException(id + " was built for explanation features of width " + shape.explanationDim()
                    + ", the samples have " + samples.explanationDim() + ".");
        }
        for (int c : samples.consumers()) {
            if (c < 0 || c >= shape.numConsumers()) {
                throw new WorkbenchException("Consumer index " + c + " is outside the " + shape.numConsumers()
                        + " consumers " + id + " was built for.");
            }
        }
        for (int p : samples.products()) {
            if (p < 0 || p >= shape.numProducts()) {
                throw new WorkbenchException("Product index " + p + " is outside the " + shape.numProducts()
                        + " products " + id + " was built for.");
            }
        }
        for (int p : samples.history()) {
            if (p >= shape.numProducts()) {
                throw new WorkbenchException("History product index " + p + " is outside the " + shape.numProducts()
                        + " products " + id + " was built for.");
            }
        }
    }
}
