package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.task.TaskContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A baseline {@link RatingModel} defined by one SameDiff graph: the subclass defines the graph from named
 * placeholders and the same maths per sample for the CPU kernel ({@link SamplePass}); this class owns batching,
 * Adam, epochs, cancel, NaN detection, prediction and checkpoints. Every graph ends in a sigmoid
 * {@value #PREDICTION}; the loss is MSE on it (regression) or BCE on its logit. On the CPU backend
 * ({@link TrainingEngine#KERNEL}) training and prediction run in a {@link BaselineKernel} started from the graph's
 * initial weights, which are written back into the graph after every epoch (checkpoints stay SameDiff files).
 */
public abstract class GraphRatingModel implements RatingModel {

    static final String CONSUMER = "consumer";
    static final String PRODUCT = "product";
    static final String HISTORY = "history";
    static final String POSITIVE = "pos";
    static final String NEGATIVE = "neg";
    static final String TARGET = "target";
    static final String PREDICTION = PredictionHead.PREDICTION;
    static final String LOSS = PredictionHead.LOSS;
    static final int DIM = 8;
    /** Name every subclass gives its product embedding table (numProducts + 1 rows: the last pads histories). */
    static final String PRODUCT_TABLE = "productTable";

    private static final int PREDICT_BATCH = 512;

    /** The sizes a graph is built for. History slots without a product use row {@code numProducts}. */
    protected record Shape(PredictionTask task, int numConsumers, int numProducts, int explanationDim) {
    }

    private SameDiff sd;
    private List<String> inputs;
    private TrainingEngine engine = TrainingEngine.current();

    /** Trains and runs this model with {@code chosen} instead of the process's engine (tests compare them). */
    public GraphRatingModel usingEngine(TrainingEngine chosen) {
        this.engine = chosen;
        return this;
    }

    /** What trains and runs this model in this process. */
    public TrainingEngine engine() {
        return engine;
    }

    /** The placeholders this model reads, among consumer, product, history, pos, neg. */
    protected abstract List<String> inputs();

    /** Defines the graph into {@code sd}; must return the pre-sigmoid logit of shape [n, 1]. */
    protected abstract SDVariable logit(SameDiff sd, Shape shape, Weights weights);

    /** The graph of {@link #logit} for one sample, over the graph's variables, for the CPU kernel. */
    abstract SamplePass.Factory network();

    @Override
    public void fit(SampleSet train, SampleSet validation, TrainingSettings settings, EpochListener listener,
                    TaskContext context) {
        Shape shape = new Shape(settings.task(), settings.numConsumers(), settings.numProducts(), train.explanationDim());
        buildGraph(shape, settings.seed());
        if (engine == TrainingEngine.KERNEL) {
            fitOnKernel(train, validation, settings, listener, context);
        } else {
            fitOnGraph(train, validation, settings, listener, context, shape);
        }
    }

    /** Builds this model's graph for {@code shape} with the initial weights of {@code seed}; it becomes the model. */
    SameDiff buildGraph(Shape shape, long seed) {
        Nd4j.getRandom().setSeed(seed);
        inputs = inputs();
        sd = build(shape, new Weights(seed));
        return sd;
    }

    private void fitOnKernel(SampleSet train, SampleSet validation, TrainingSettings settings, EpochListener listener,
                             TaskContext context) {
        Random shuffle = new Random(settings.seed());
        int n = train.size();
        try (BaselineKernel kernel = kernel(settings.task())) {
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                int[] order = permutation(n, shuffle);
                double lossSum = 0;
                for (int from = 0; from < n; from += settings.batchSize()) {
                    context.checkCancelled();
                    int size = Math.min(settings.batchSize(), n - from);
                    double loss = kernel.trainStep(train, order, from, size, settings.learningRate());
                    if (!Double.isFinite(loss)) {
                        // The graph still holds the weights of the last finished epoch.
                        throw nonFiniteLoss(loss, epoch, settings);
                    }
                    lossSum += loss * size;
                }
                kernel.copyTo(parameters());
                double validationMetric = Double.NaN;
                if (validation != null && validation.size() > 0) {
                    float[] predicted = new float[validation.size()];
                    kernel.infer(validation, predicted);
                    validationMetric = ValidationMetric.of(settings.task(), predicted, validation.target());
                }
                listener.epochFinished(epoch, lossSum / n, validationMetric);
            }
        }
    }

    private WorkbenchException nonFiniteLoss(double loss, int epoch, TrainingSettings settings) {
        return new WorkbenchException("Training " + id() + " stopped: the loss became " + loss + " in epoch "
                + epoch + " (learning rate " + settings.learningRate() + " too high?). The last good "
                + "checkpoint is kept.");
    }

    /** A CPU kernel over a copy of the graph's current weights; {@code task} null: for inference only. */
    BaselineKernel kernel(PredictionTask task) {
        return kernel(task, LrRecsysKernel.defaultThreads());
    }

    BaselineKernel kernel(PredictionTask task, int threads) {
        return new BaselineKernel(parameters(), task, threads, network());
    }

    /** The graph's trainable arrays by name (the arrays themselves: writing them changes the model). */
    Map<String, INDArray> parameters() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                out.put(v.name(), v.getArr());
            }
        }
        return out;
    }

    private void fitOnGraph(SampleSet train, SampleSet validation, TrainingSettings settings, EpochListener listener,
                            TaskContext context, Shape shape) {
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(settings.learningRate()))
                .dataSetFeatureMapping(inputs)
                .dataSetLabelMapping(TARGET)
                .build());
        Random shuffle = new Random(settings.seed());
        int n = train.size();
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            int[] order = permutation(n, shuffle);
            sd.fit(new EpochBatches(train, order, settings.batchSize(), shape, context), 1);
            // SameDiff's own loss records read 0 in 1.0.0-M2.1, so the loss is measured after the epoch.
            double loss = loss(train, shape);
            if (!Double.isFinite(loss)) {
                throw nonFiniteLoss(loss, epoch, settings);
            }
            double validationMetric = validation == null || validation.size() == 0 ? Double.NaN
                    : ValidationMetric.of(settings.task(), predict(validation), validation.target());
            listener.epochFinished(epoch, loss, validationMetric);
        }
    }

    private SameDiff build(Shape shape, Weights weights) {
        SameDiff graph = SameDiff.create();
        for (String input : inputs) {
            switch (input) {
                case CONSUMER, PRODUCT -> graph.placeHolder(input, DataType.INT, -1);
                case HISTORY -> graph.placeHolder(input, DataType.INT, -1, SampleSet.HISTORY);
                case POSITIVE, NEGATIVE -> graph.placeHolder(input, DataType.FLOAT, -1, shape.explanationDim());
                default -> throw new IllegalStateException("unknown input " + input);
            }
        }
        SDVariable target = graph.placeHolder(TARGET, DataType.FLOAT, -1, 1);
        SDVariable logit = logit(graph, shape, weights);
        PredictionHead.attach(graph, logit, target, shape.task());
        return graph;
    }

    /** Mean loss over a sample set with the current weights. */
    private double loss(SampleSet samples, Shape shape) {
        double sum = 0;
        int n = samples.size();
        for (int start = 0; start < n; start += PREDICT_BATCH) {
            int[] rows = range(start, Math.min(n, start + PREDICT_BATCH));
            Map<String, INDArray> feed = feed(samples, rows, shape);
            feed.put(TARGET, target(samples, rows));
            sum += sd.output(feed, LOSS).get(LOSS).getDouble(0) * rows.length;
        }
        return sum / n;
    }

    /** The placeholders' values for samples {@code rows}, target excluded. */
    Map<String, INDArray> feed(SampleSet samples, int[] rows, Shape shape) {
        INDArray[] features = features(samples, rows, shape);
        Map<String, INDArray> feed = new HashMap<>();
        for (int k = 0; k < inputs.size(); k++) {
            feed.put(inputs.get(k), features[k]);
        }
        return feed;
    }

    private static int[] range(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return rows;
    }

    @Override
    public float[] predict(SampleSet samples) {
        if (sd == null) {
            throw new IllegalStateException(id() + " is neither trained nor loaded");
        }
        int n = samples.size();
        float[] out = new float[n];
        if (engine == TrainingEngine.KERNEL) {
            try (BaselineKernel kernel = kernel(null)) {
                kernel.infer(samples, out);
            }
            return out;
        }
        Shape shape = new Shape(null, 0, paddingProduct(), samples.explanationDim());
        for (int start = 0; start < n; start += PREDICT_BATCH) {
            int[] rows = range(start, Math.min(n, start + PREDICT_BATCH));
            float[] batch = sd.output(feed(samples, rows, shape), PREDICTION).get(PREDICTION).reshape(-1).toFloatVector();
            System.arraycopy(batch, 0, out, start, batch.length);
        }
        return out;
    }

    /** The padding row of the product table, read back from the graph so a loaded checkpoint knows it. */
    private int paddingProduct() {
        return sd.hasVariable(PRODUCT_TABLE) ? (int) sd.getVariable(PRODUCT_TABLE).getArr().size(0) - 1 : 0;
    }

    private INDArray[] features(SampleSet s, int[] rows, Shape shape) {
        List<INDArray> out = new ArrayList<>();
        for (String input : inputs) {
            out.add(switch (input) {
                case CONSUMER -> Nd4j.createFromArray(pick(s.consumers(), rows));
                case PRODUCT -> Nd4j.createFromArray(pick(s.products(), rows));
                case HISTORY -> Nd4j.createFromArray(history(s.history(), rows, shape.numProducts()))
                        .reshape(rows.length, SampleSet.HISTORY);
                case POSITIVE -> Nd4j.createFromArray(rowsOf(s.positive(), rows, s.explanationDim()))
                        .reshape(rows.length, s.explanationDim());
                case NEGATIVE -> Nd4j.createFromArray(rowsOf(s.negative(), rows, s.explanationDim()))
                        .reshape(rows.length, s.explanationDim());
                default -> throw new IllegalStateException("unknown input " + input);
            });
        }
        return out.toArray(new INDArray[0]);
    }

    /** One batch for SameDiff's fit: the placeholders in {@link #inputs()} order and the target. */
    MultiDataSet batch(SampleSet samples, int[] rows, Shape shape) {
        return new MultiDataSet(features(samples, rows, shape), new INDArray[] {target(samples, rows)});
    }

    static INDArray target(SampleSet s, int[] rows) {
        float[] t = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = s.target()[rows[i]];
        }
        return Nd4j.createFromArray(t).reshape(rows.length, 1);
    }

    private static int[] pick(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /** History indices with the -1 padding mapped to the padding row. */
    private static int[] history(int[] history, int[] rows, int padding) {
        int h = SampleSet.HISTORY;
        int[] out = new int[rows.length * h];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < h; k++) {
                int v = history[rows[i] * h + k];
                out[i * h + k] = v < 0 ? padding : v;
            }
        }
        return out;
    }

    private static float[] rowsOf(float[] values, int[] rows, int width) {
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * width, out, i * width, width);
        }
        return out;
    }

    private static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Override
    public void save(Path file) throws IOException {
        if (sd == null) {
            throw new IllegalStateException(id() + " has nothing to save before training");
        }
        sd.save(file.toFile(), false);
    }

    @Override
    public void load(Path file) throws IOException {
        if (!file.toFile().isFile()) {
            throw new IOException("No checkpoint at " + file);
        }
        sd = SameDiff.load(file.toFile(), false);
        inputs = inputs();
    }

    /** One epoch's batches in a given order; checks for cancel before each batch. */
    private final class EpochBatches implements MultiDataSetIterator {
        private final SampleSet samples;
        private final int[] order;
        private final int batchSize;
        private final Shape shape;
        private final TaskContext context;
        private int cursor;

        EpochBatches(SampleSet samples, int[] order, int batchSize, Shape shape, TaskContext context) {
            this.samples = samples;
            this.order = order;
            this.batchSize = batchSize;
            this.shape = shape;
            this.context = context;
        }

        @Override
        public boolean hasNext() {
            return cursor < order.length;
        }

        @Override
        public org.nd4j.linalg.dataset.api.MultiDataSet next() {
            return next(batchSize);
        }

        @Override
        public org.nd4j.linalg.dataset.api.MultiDataSet next(int size) {
            context.checkCancelled();
            int[] rows = java.util.Arrays.copyOfRange(order, cursor, Math.min(order.length, cursor + size));
            cursor += rows.length;
            return batch(samples, rows, shape);
        }

        @Override
        public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
            throw new UnsupportedOperationException("no pre-processing");
        }

        @Override
        public MultiDataSetPreProcessor getPreProcessor() {
            return null;
        }

        @Override
        public boolean resetSupported() {
            return true;
        }

        @Override
        public boolean asyncSupported() {
            return false;
        }

        @Override
        public void reset() {
            cursor = 0;
        }
    }

    /** Initial weights from a Java random stream of the run's seed, so a seed always gives the same network. */
    protected static final class Weights {
        private final SplittableRandom random;

        Weights(long seed) {
            this.random = new SplittableRandom(seed);
        }

        /** Glorot-uniform matrix variable. */
        SDVariable matrix(SameDiff sd, String name, int rows, int cols) {
            return uniform(sd, name, rows, cols, Math.sqrt(6.0 / (rows + cols)));
        }

        /** Embedding table with small uniform values. */
        SDVariable table(SameDiff sd, String name, int rows, int cols) {
            return uniform(sd, name, rows, cols, 0.1);
        }

        SDVariable zeros(SameDiff sd, String name, int rows, int cols) {
            return sd.var(name, Nd4j.zeros(DataType.FLOAT, rows, cols));
        }

        SDVariable zeroVector(SameDiff sd, String name, int size) {
            return sd.var(name, Nd4j.zeros(DataType.FLOAT, size));
        }

        private SDVariable uniform(SameDiff sd, String name, int rows, int cols, double limit) {
            float[] v = new float[rows * cols];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
            return sd.var(name, Nd4j.createFromArray(v).reshape(rows, cols));
        }
    }

    /** A dense layer x W + b. */
    static SDVariable dense(SameDiff sd, Weights w, String name, SDVariable x, int in, int out) {
        return sd.nn().linear(x, w.matrix(sd, name + "W", in, out), w.zeroVector(sd, name + "b", out));
    }
}
