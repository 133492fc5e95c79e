package dev.lrrecsys.workbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
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
    private int iteration;

    /**
     * A kernel over a copy of {@code parameters} (the graph's variables by name; the product table named
     * {@link GraphRatingModel#PRODUCT_TABLE}, its last row padding histories) for {@code task} (null: inference only).
     */
    KernelHost(Map<String, INDArray> parameters, PredictionTask task, int threads, SamplePass.Factory network) {
        this.layout = new ParameterLayout(parameters);
        this.w = layout.flatten(parameters);
        int padding = (int) parameters.get(GraphRatingModel.PRODUCT_TABLE).size(0) - 1;
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
        float step = AdamStep.stepSize(learningRate, iteration);
        // Element-wise from here on: any cut of the parameters gives the same bits.
        chunks.run(w.length, (c, lo, hi) -> {
            FixedChunks.drainInOrder(chunkGrads, parts, grad, lo, hi);
            adam.apply(w, grad, step, lo, hi);
        });
        iteration++;
        return loss;
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
}
