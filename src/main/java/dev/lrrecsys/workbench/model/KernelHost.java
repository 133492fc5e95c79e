package dev.lrrecsys.workbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs any network's CPU kernel ({@link SamplePass}): every variable of its SameDiff graph, tables included, in
 * one flat array; a batch's forward and backward passes per sample in {@value FixedChunks#COUNT} fixed chunks
 * whose gradients are summed in chunk order, then dense Adam as ND4J's ({@link AdamStep}). No allocation per step,
 * and the thread count never changes a bit. Loss as {@link PredictionHead}: MSE on the sigmoid (regression) or BCE
 * on the logit (classification), batch means.
 */
final class KernelHost implements AutoCloseable {

    private final ParameterLayout layout;
    private final float[] w;
    private final float[] grad;
    private final AdamStep adam;
    private final SamplePass[] passes = new SamplePass[FixedChunks.COUNT];
    private final float[][] chunkGrads = new float[FixedChunks.COUNT][];
    private final double[] chunkLoss = new double[FixedChunks.COUNT];
    private final LogitLoss[] objectives = new LogitLoss[FixedChunks.COUNT];
    private final FixedChunks chunks;
    private final int padding;
    /** The embedding tables' rows a batch touched (the consumer table is absent from some networks). */
    private final TouchedRows consumerRows;
    private final TouchedRows productRows;
    /** Where the values after the two tables start: summed densely. */
    private final int denseStart;
    private int iteration;
    private float weightDecay;
    private double dropout;
    private long dropoutSeed;

    /**
     * A kernel over a copy of {@code parameters} (the graph's variables by name; the product table named
     * {@link GraphRatingModel#PRODUCT_TABLE}, its last row padding histories) for {@code task} (null: inference only).
     */
    KernelHost(Map<String, INDArray> parameters, PredictionTask task, int threads, SamplePass.Factory network) {
        // The tables first, so everything after them is summed densely (the order changes no bit).
        Map<String, INDArray> tablesFirst = new LinkedHashMap<>();
        for (String table : List.of(GraphRatingModel.CONSUMER_TABLE, GraphRatingModel.PRODUCT_TABLE)) {
            if (parameters.containsKey(table)) {
                tablesFirst.put(table, parameters.get(table));
            }
        }
        tablesFirst.putAll(parameters);
        this.layout = new ParameterLayout(tablesFirst);
        this.w = layout.flatten(tablesFirst);
        this.padding = (int) parameters.get(GraphRatingModel.PRODUCT_TABLE).size(0) - 1;
        this.consumerRows = layout.has(GraphRatingModel.CONSUMER_TABLE)
                ? new TouchedRows(layout, GraphRatingModel.CONSUMER_TABLE) : null;
        this.productRows = new TouchedRows(layout, GraphRatingModel.PRODUCT_TABLE);
        this.denseStart = Math.max(productRows.end, consumerRows == null ? 0 : consumerRows.end);
        for (int c = 0; c < FixedChunks.COUNT; c++) {
            passes[c] = network.create(layout, padding);
        }
        boolean training = task != null;
        this.grad = training ? new float[w.length] : null;
        this.adam = training ? new AdamStep(w.length) : null;
        for (int c = 0; training && c < FixedChunks.COUNT; c++) {
            chunkGrads[c] = new float[w.length];
            objectives[c] = new LogitLoss(task);
        }
        this.chunks = new FixedChunks(threads);
    }

    /**
     * Trains with an L2 penalty of {@code decay} on every parameter and inverted dropout of {@code rate} on the
     * networks' first hidden layer, its masks keyed by {@code seed} and the step (both 0 until set).
     */
    KernelHost regularise(double decay, double rate, long seed) {
        this.weightDecay = (float) decay;
        this.dropout = rate;
        this.dropoutSeed = seed;
        return this;
    }

    /** Threads for training: the processors, at most one per chunk; {@code lrw.train.threads} overrides. */
    static int defaultThreads() {
        return Math.max(1, Integer.getInteger("lrw.train.threads", Math.min(FixedChunks.COUNT,
                Runtime.getRuntime().availableProcessors())));
    }

    /**
     * Forward, backward and one Adam step on samples {@code order[from .. from+size-1]} of {@code set}.
     *
     * @return the batch's mean loss; when it is not finite nothing was updated
     */
    double trainStep(SampleSet set, int[] order, int from, int size, double learningRate) {
        long key = Regularisation.stepKey(dropoutSeed, iteration);
        for (SamplePass pass : passes) {
            pass.dropout(dropout, key);
        }
        chunks.run(size, (c, lo, hi) -> chunkLoss[c] = trainChunk(set, order, from + lo, from + hi, size,
                passes[c], objectives[c], chunkGrads[c]));
        int parts = FixedChunks.parts(size);
        double loss = 0;
        for (int c = 0; c < parts; c++) {
            loss += chunkLoss[c];
        }
        loss /= size;
        if (!Double.isFinite(loss)) {
            for (int c = 0; c < parts; c++) {
                Arrays.fill(chunkGrads[c], 0f);
            }
            return loss;
        }
        drainTouchedRows(set, order, from, size, parts);
        float step = AdamStep.stepSize(learningRate, iteration);
        // Element-wise from here on: any cut of the parameters gives the same bits.
        chunks.run(w.length, (c, lo, hi) -> {
            FixedChunks.drainInOrder(chunkGrads, parts, grad, Math.max(lo, denseStart), hi);
            adam.apply(w, grad, step, weightDecay, lo, hi);
        });
        iteration++;
        return loss;
    }

    /**
     * Sums the table rows the batch's samples read (their consumer, candidate and history products: the only rows
     * a {@link SamplePass} may write) and leaves every other table row of the gradient at zero, which is what a
     * dense sum of the chunks would give for them at a fraction of the cost.
     */
    private void drainTouchedRows(SampleSet set, int[] order, int from, int size, int parts) {
        if (consumerRows != null) {
            consumerRows.clear(grad);
        }
        productRows.clear(grad);
        int[] history = set.history();
        for (int at = from; at < from + size; at++) {
            int s = order[at];
            if (consumerRows != null) {
                consumerRows.mark(set.consumers()[s]);
            }
            productRows.mark(set.products()[s]);
            for (int k = 0; k < SampleSet.HISTORY; k++) {
                int p = history[s * SampleSet.HISTORY + k];
                productRows.mark(p < 0 ? padding : p);
            }
        }
        if (consumerRows != null) {
            consumerRows.drain(chunkGrads, parts, grad);
        }
        productRows.drain(chunkGrads, parts, grad);
    }

    /** Sums the losses of {@code order[lo..hi)} and adds their gradients into {@code g} (zero: drained last step). */
    private double trainChunk(SampleSet set, int[] order, int lo, int hi, int batchSize, SamplePass pass,
                              LogitLoss loss, float[] g) {
        double sum = 0;
        for (int at = lo; at < hi; at++) {
            int s = order[at];
            sum += loss.add(pass.forward(set, s, w), set.target()[s], batchSize);
            pass.backward(set, s, w, loss.dLogit, g);
        }
        return sum;
    }

    /**
     * Writes each sample's prediction (the sigmoid of its logit) into {@code prediction} and, when {@code attention}
     * is not null, its 6 x 6 token attention (networks with token attention only).
     */
    void infer(SampleSet set, float[] prediction, float[] attention) {
        int cells = AttentionModel.TOKENS * AttentionModel.TOKENS;
        for (SamplePass pass : passes) {
            pass.dropout(0, 0);
        }
        chunks.run(set.size(), (c, lo, hi) -> {
            for (int s = lo; s < hi; s++) {
                prediction[s] = GruKernel.sigmoid(passes[c].forward(set, s, w));
                if (attention != null) {
                    passes[c].copyAttention(attention, s * cells);
                }
            }
        });
    }

    /** Writes the kernel's current values into {@code parameters} (same names and shapes it was built from). */
    void copyTo(Map<String, INDArray> parameters) {
        layout.unflatten(w, parameters);
    }

    /** The summed gradients of the last step, in the layout's order (tests compare them with SameDiff's). */
    float[] lastGradients() {
        return grad.clone();
    }

    ParameterLayout layout() {
        return layout;
    }

    @Override
    public void close() {
        chunks.close();
    }

    /** The rows of one embedding table (8 wide) a batch touched, each listed once. */
    private static final class TouchedRows {
        private static final int WIDTH = GraphRatingModel.DIM;
        final int offset;
        final int end;
        private final boolean[] marked;
        private int[] rows = new int[256];
        private int count;

        TouchedRows(ParameterLayout layout, String table) {
            this.offset = layout.offset(table);
            this.end = offset + layout.length(table);
            this.marked = new boolean[layout.length(table) / WIDTH];
        }

        void mark(int row) {
            if (!marked[row]) {
                marked[row] = true;
                if (count == rows.length) {
                    rows = Arrays.copyOf(rows, 2 * count);
                }
                rows[count++] = row;
            }
        }

        /** Sums the chunks' gradients of the marked rows into {@code grad}, in chunk order. */
        void drain(float[][] parts, int partCount, float[] grad) {
            for (int i = 0; i < count; i++) {
                int at = offset + rows[i] * WIDTH;
                FixedChunks.drainInOrder(parts, partCount, grad, at, at + WIDTH);
            }
        }

        /** Zeroes the last batch's rows of {@code grad} and forgets them. */
        void clear(float[] grad) {
            for (int i = 0; i < count; i++) {
                int at = offset + rows[i] * WIDTH;
                Arrays.fill(grad, at, at + WIDTH, 0f);
                marked[rows[i]] = false;
            }
            count = 0;
        }
    }
}
