package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.task.TaskContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;

/**
 * The host of every network (LR-Recsys, its variants and the baselines): a subclass defines one SameDiff graph
 * from named placeholders ({@link #logit}) and the same maths per sample for the CPU kernel ({@link #network});
 * this class owns the inputs' checks, the {@link EpochLoop}, prediction and checkpoints ({@link ModelCheckpoint}).
 * Every graph ends in a sigmoid {@value #PREDICTION}; the loss is MSE on it (regression) or BCE on its logit.
 * On the CPU backend ({@link TrainingEngine#KERNEL}) training and prediction run in a {@link KernelHost} started
 * from the graph's initial weights, which are written back into the graph after every epoch; elsewhere the graph
 * trains itself with ND4J's Adam.
 */
public abstract class GraphRatingModel implements RatingModel {

    static final String CONSUMER = "consumer";
    static final String PRODUCT = "product";
    static final String HISTORY = "history";
    static final String POSITIVE = "pos";
    static final String NEGATIVE = "neg";
    static final String TARGET = "target";
    /** Placeholder of the dropout factors of the first hidden layer ([n, units]; ones outside training). */
    static final String DROPOUT = "dropoutKeep";
    static final String PREDICTION = PredictionHead.PREDICTION;
    static final String LOSS = PredictionHead.LOSS;
    static final int DIM = 8;
    static final String CONSUMER_TABLE = "consumerTable";
    /** Name every network gives its product embedding table (numProducts + 1 rows: the last pads histories). */
    static final String PRODUCT_TABLE = "productTable";

    private static final int PREDICT_BATCH = 512;

    /** The sizes a graph is built for; saved with a checkpoint so that load() can rebuild it. */
    record Shape(PredictionTask task, int numConsumers, int numProducts, int explanationDim) {
    }

    private SameDiff sd;
    private Shape shape;
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

    /** Defines the graph into {@code sd}, drawing weights from {@code init}; returns the pre-sigmoid logit [n, 1]. */
    protected abstract SDVariable logit(SameDiff sd, Shape shape, ParameterInit init);

    /** The graph of {@link #logit} for one sample, over the graph's variables, for the CPU kernel. */
    abstract SamplePass.Factory network();

    /** What a checkpoint names as its network: a checkpoint of another architecture is refused. */
    protected String architecture() {
        return id();
    }

    /** Units of the hidden layer that dropout acts on (the graph multiplies it by {@value #DROPOUT}); 0: none. */
    protected int dropoutUnits() {
        return 0;
    }

    /** The first hidden layer {@code h} times the dropout factors, when this network has dropout. */
    static SDVariable droppedOut(SameDiff sd, SDVariable h) {
        return sd.hasVariable(DROPOUT) ? h.mul(sd.getVariable(DROPOUT)) : h;
    }

    /** Whether each epoch shuffles 0..n-1 anew (see {@link EpochLoop}); LR-Recsys reshuffles the last order. */
    protected boolean freshOrderEachEpoch() {
        return true;
    }

    @Override
    public int fit(SampleSet train, SampleSet validation, TrainingSettings settings, EpochListener listener,
                   TaskContext context) {
        Shape fitted = new Shape(settings.task(), settings.numConsumers(), settings.numProducts(), train.explanationDim());
        if (usesExplanations() && train.explanationDim() < 1) {
            throw new WorkbenchException(id() + " needs explanation features, and the samples have none: "
                    + "train the explanation autoencoder first, or choose id-only.");
        }
        checkSamples(train, fitted);
        if (validation != null) {
            checkSamples(validation, fitted);
        }
        if (train.size() < settings.batchSize()) {
            throw new WorkbenchException("Training " + id() + " needs at least one full batch: " + train.size()
                    + " training samples, batch size " + settings.batchSize() + ".");
        }
        Nd4j.getRandom().setSeed(settings.seed());
        buildGraph(fitted, settings.seed());
        try (Trainer run = engine == TrainingEngine.KERNEL
                ? new KernelEngine(kernel(settings.task()).regularise(settings.weightDecay(), settings.dropout(),
                        settings.seed()), train, settings.learningRate())
                : new GraphEngine(train, settings.learningRate(), settings.weightDecay(), settings.dropout(),
                        settings.seed())) {
            DoubleSupplier metric = () -> validation == null || validation.size() == 0 ? Double.NaN
                    : ValidationMetric.of(settings.task(), run.predict(validation), validation.target());
            return new EpochLoop(id(), settings.epochs(), settings.batchSize(), settings.seed(), settings.learningRate(),
                    freshOrderEachEpoch()).run(run, train.size(), metric,
                    EpochLoop.Stopping.of(settings.task(), settings.patience()), listener, context);
        }
    }

    /** Builds this model's graph for {@code shape} with the initial weights of {@code seed}; it becomes the model. */
    SameDiff buildGraph(Shape shape, long seed) {
        Nd4jThreads.apply();
        inputs = inputs();
        this.shape = shape;
        sd = SameDiff.create();
        for (String input : inputs) {
            switch (input) {
                case CONSUMER, PRODUCT -> sd.placeHolder(input, DataType.INT, -1);
                case HISTORY -> sd.placeHolder(input, DataType.INT, -1, SampleSet.HISTORY);
                case POSITIVE, NEGATIVE -> sd.placeHolder(input, DataType.FLOAT, -1, shape.explanationDim());
                default -> throw new IllegalStateException("unknown input " + input);
            }
        }
        if (dropoutUnits() > 0) {
            sd.placeHolder(DROPOUT, DataType.FLOAT, -1, dropoutUnits());
        }
        SDVariable target = sd.placeHolder(TARGET, DataType.FLOAT, -1, 1);
        PredictionHead.attach(sd, logit(sd, shape, new ParameterInit(seed)), target, shape.task());
        return sd;
    }

    /** A CPU kernel over a copy of the graph's current weights; {@code task} null: for inference only. */
    KernelHost kernel(PredictionTask task) {
        return kernel(task, KernelHost.defaultThreads());
    }

    KernelHost kernel(PredictionTask task, int threads) {
        return new KernelHost(parameters(), task, threads, network());
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

    /** Learned values in all (tables included); 0 before training or loading. */
    public long parameterCount() {
        return sd == null ? 0 : parameters().values().stream().mapToLong(INDArray::length).sum();
    }

    @Override
    public float[] predict(SampleSet samples) {
        return infer(samples, PREDICTION);
    }

    /** {@code output} ({@value #PREDICTION}, or a per-sample array of the graph) of every sample, flat. */
    float[] infer(SampleSet samples, String output) {
        if (sd == null) {
            throw new IllegalStateException(id() + " is neither trained nor loaded");
        }
        checkSamples(samples, shape);
        int n = samples.size();
        if (engine == TrainingEngine.KERNEL) {
            float[] prediction = new float[n];
            float[] attention = PREDICTION.equals(output) ? null : new float[n * AttentionModel.TOKENS * AttentionModel.TOKENS];
            try (KernelHost kernel = kernel(null)) {
                kernel.infer(samples, prediction, attention);
            }
            return attention == null ? prediction : attention;
        }
        float[] out = null;
        for (int start = 0; start < n; start += PREDICT_BATCH) {
            int[] rows = IntStream.range(start, Math.min(n, start + PREDICT_BATCH)).toArray();
            float[] batch = sd.output(feed(samples, rows, shape), output).get(output).dup('c').data().asFloat();
            if (out == null) {
                out = new float[batch.length / rows.length * n];
            }
            System.arraycopy(batch, 0, out, start * (batch.length / rows.length), batch.length);
        }
        return out == null ? new float[0] : out;
    }

    private boolean usesExplanations() {
        return inputs().contains(POSITIVE) || inputs().contains(NEGATIVE);
    }

    /** Refuses samples whose indices or explanation width do not fit the graph of {@code fitted}. */
    private void checkSamples(SampleSet samples, Shape fitted) {
        if (usesExplanations() && samples.explanationDim() != fitted.explanationDim()) {
            throw new WorkbenchException(id() + " was built for explanation features of width "
                    + fitted.explanationDim() + ", the samples have " + samples.explanationDim() + ".");
        }
        for (int c : samples.consumers()) {
            if (c < 0 || c >= fitted.numConsumers()) {
                throw new WorkbenchException("Consumer index " + c + " is outside the " + fitted.numConsumers()
                        + " consumers " + id() + " was built for.");
            }
        }
        for (int p : samples.products()) {
            if (p < 0 || p >= fitted.numProducts()) {
                throw new WorkbenchException("Product index " + p + " is outside the " + fitted.numProducts()
                        + " products " + id() + " was built for.");
            }
        }
        for (int p : samples.history()) {
            if (p >= fitted.numProducts()) {
                throw new WorkbenchException("History product index " + p + " is outside the "
                        + fitted.numProducts() + " products " + id() + " was built for.");
            }
        }
    }

    /** The placeholders' values for samples {@code rows}, target excluded. */
    Map<String, INDArray> feed(SampleSet s, int[] rows, Shape fitted) {
        Map<String, INDArray> feed = new HashMap<>();
        for (String input : inputs) {
            feed.put(input, switch (input) {
                case CONSUMER -> Nd4j.createFromArray(IntStream.of(rows).map(r -> s.consumers()[r]).toArray());
                case PRODUCT -> Nd4j.createFromArray(IntStream.of(rows).map(r -> s.products()[r]).toArray());
                // Empty history slots (-1) read the padding row.
                case HISTORY -> Nd4j.createFromArray(IntStream.of(rows)
                        .flatMap(r -> IntStream.range(r * SampleSet.HISTORY, (r + 1) * SampleSet.HISTORY))
                        .map(i -> s.history()[i] < 0 ? fitted.numProducts() : s.history()[i]).toArray())
                        .reshape(rows.length, SampleSet.HISTORY);
                case POSITIVE -> Nd4j.createFromArray(rowsOf(s.positive(), rows, s.explanationDim()))
                        .reshape(rows.length, s.explanationDim());
                case NEGATIVE -> Nd4j.createFromArray(rowsOf(s.negative(), rows, s.explanationDim()))
                        .reshape(rows.length, s.explanationDim());
                default -> throw new IllegalStateException("unknown input " + input);
            });
        }
        if (dropoutUnits() > 0) {
            feed.put(DROPOUT, Nd4j.ones(DataType.FLOAT, rows.length, dropoutUnits()));
        }
        return feed;
    }

    static INDArray target(SampleSet s, int[] rows) {
        float[] t = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = s.target()[rows[i]];
        }
        return Nd4j.createFromArray(t).reshape(rows.length, 1);
    }

    private static float[] rowsOf(float[] values, int[] rows, int width) {
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * width, out, i * width, width);
        }
        return out;
    }

    @Override
    public void save(Path file) throws IOException {
        if (sd == null) {
            throw new IllegalStateException(id() + " has nothing to save before training");
        }
        new ModelCheckpoint(id(), architecture(), shape).write(file, parameters());
    }

    @Override
    public void load(Path file) throws IOException {
        ModelCheckpoint.Loaded loaded = ModelCheckpoint.read(file);
        if (!loaded.architecture().equals(architecture())) {
            throw new WorkbenchException("The checkpoint " + file + " holds a " + loaded.architecture()
                    + " network, not " + architecture() + ".");
        }
        buildGraph(loaded.shape(), 0);
        for (Map.Entry<String, INDArray> e : parameters().entrySet()) {
            INDArray saved = loaded.arrays().get(e.getKey());
            if (saved == null || !Arrays.equals(saved.shape(), e.getValue().shape())) {
                throw new WorkbenchException("The checkpoint " + file + " does not fit this network: "
                        + "parameter " + e.getKey() + " is missing or has another shape.");
            }
            e.getValue().assign(saved);
        }
    }

    /** An engine of the {@link EpochLoop} that also predicts with the weights trained so far (validation). */
    private interface Trainer extends EpochLoop.Engine {
        float[] predict(SampleSet samples);
    }

    /** Trains a copy of the weights in the CPU kernel and writes them into the graph at each commit. */
    private final class KernelEngine implements Trainer {
        private final KernelHost host;
        private final SampleSet train;
        private final double learningRate;

        KernelEngine(KernelHost host, SampleSet train, double learningRate) {
            this.host = host;
            this.train = train;
            this.learningRate = learningRate;
        }

        @Override
        public double step(int[] order, int from, int size) {
            return host.trainStep(train, order, from, size, learningRate);
        }

        @Override
        public float[] predict(SampleSet samples) {
            float[] out = new float[samples.size()];
            host.infer(samples, out, null);
            return out;
        }

        @Override
        public void commit() {
            host.copyTo(parameters());
        }

        @Override
        public void rollback() {
            // The graph's arrays were last written at the previous commit: nothing to undo.
        }

        @Override
        public Map<String, INDArray> committed() {
            return parameters();
        }

        @Override
        public void close() {
            host.close();
        }
    }

    /** Trains the graph's own arrays: one graph call per batch (forward and backward), then ND4J's Adam in place. */
    final class GraphEngine extends EpochLoop.InPlace implements Trainer {
        private final SampleSet train;
        private final Adam adam;
        private final List<String> names;
        private final Map<String, GradientUpdater<?>> updaters = new HashMap<>();
        private final double weightDecay;
        private final double dropout;
        private final long seed;
        private int iteration;

        GraphEngine(SampleSet train, double learningRate) {
            this(train, learningRate, 0, 0, 0);
        }

        GraphEngine(SampleSet train, double learningRate, double weightDecay, double dropout, long seed) {
            super(GraphRatingModel.this::parameters);
            this.train = train;
            this.adam = new Adam(learningRate);
            this.names = new ArrayList<>(parameters().keySet());
            this.weightDecay = weightDecay;
            this.dropout = dropout;
            this.seed = seed;
        }

        @Override
        public double step(int[] order, int from, int size) {
            int[] rows = Arrays.copyOfRange(order, from, from + size);
            Map<String, INDArray> feed = feed(train, rows, shape);
            feed.put(TARGET, target(train, rows));
            if (dropoutUnits() > 0 && dropout > 0) {
                // The kernel's masks: the same units of the same samples are dropped in the same step.
                long key = Regularisation.stepKey(seed, iteration);
                int units = dropoutUnits();
                float[] keep = new float[rows.length * units];
                for (int i = 0; i < rows.length; i++) {
                    for (int j = 0; j < units; j++) {
                        keep[i * units + j] = Regularisation.keep(key, rows[i], j, dropout);
                    }
                }
                feed.put(DROPOUT, Nd4j.createFromArray(keep).reshape(rows.length, units));
            }
            var result = sd.calculateGradientsAndOutputs(feed, List.of(LOSS), names);
            double loss = result.getOutputs().get(LOSS).getDouble(0);
            if (!Double.isFinite(loss)) {
                return loss;
            }
            for (String name : names) {
                INDArray g = result.getGradients().get(name);
                if (weightDecay > 0) {
                    g.addi(sd.getVariable(name).getArr().mul(weightDecay));
                }
                updaters.computeIfAbsent(name, k -> UpdaterState.create(adam, g.dataType(), g.length()))
                        .applyUpdater(g, iteration, 0);
                sd.getVariable(name).getArr().subi(g);
            }
            iteration++;
            return loss;
        }

        @Override
        public float[] predict(SampleSet samples) {
            return infer(samples, PREDICTION);
        }
    }

    /** A dense layer x W + b. */
    static SDVariable dense(SameDiff sd, ParameterInit w, String name, SDVariable x, int in, int out) {
        return sd.nn().linear(x, w.matrix(sd, name + "W", in, out), w.zeroVector(sd, name + "b", out));
    }
}
