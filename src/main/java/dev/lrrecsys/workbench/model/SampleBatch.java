package dev.lrrecsys.workbench.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The arrays of one batch size, allocated once and refilled in place from a {@link SampleSet} for every
 * step, so a training step allocates nothing per sample. Holds the row indices for the embedding
 * tables, the looked-up rows, the explanation features and the target.
 */
final class SampleBatch {

    static final int DIM = LrRecsysGraph.DIM;

    final int size;
    final INDArray consumerIndex;
    final INDArray productIndex;
    final INDArray historyIndex;
    final INDArray consumerRows;
    final INDArray productRows;
    final INDArray historyRows;
    /** The graph's placeholders: explanation features where the variant uses them, and the target. */
    final Map<String, INDArray> placeholders = new HashMap<>();

    private final IntBuffer consumers;
    private final IntBuffer products;
    private final IntBuffer history;
    private final FloatBuffer target;
    private final FloatBuffer positive;
    private final FloatBuffer negative;
    private final int paddingProduct;

    SampleBatch(int size, LrRecsysGraph.Shape shape) {
        this.size = size;
        this.paddingProduct = shape.paddingProduct();
        int h = size * SampleSet.HISTORY;
        consumerIndex = Nd4j.create(DataType.INT, size);
        productIndex = Nd4j.create(DataType.INT, size);
        historyIndex = Nd4j.create(DataType.INT, h);
        consumerRows = Nd4j.create(DataType.FLOAT, size, DIM);
        productRows = Nd4j.create(DataType.FLOAT, size, DIM);
        historyRows = Nd4j.create(DataType.FLOAT, h, DIM);
        consumers = consumerIndex.data().asNioInt();
        products = productIndex.data().asNioInt();
        history = historyIndex.data().asNioInt();
        INDArray targetArray = Nd4j.create(DataType.FLOAT, size, 1);
        target = targetArray.data().asNioFloat();
        placeholders.put(LrRecsysGraph.TARGET, targetArray);
        positive = shape.variant().usesPositive() ? features(LrRecsysGraph.POSITIVE, size, shape.explanationDim()) : null;
        negative = shape.variant().usesNegative() ? features(LrRecsysGraph.NEGATIVE, size, shape.explanationDim()) : null;
    }

    private FloatBuffer features(String name, int size, int dim) {
        INDArray a = Nd4j.create(DataType.FLOAT, size, dim);
        placeholders.put(name, a);
        return a.data().asNioFloat();
    }

    /** Fills the batch with samples {@code order[from] .. order[from + size - 1]}. */
    void fill(SampleSet samples, int[] order, int from) {
        int d = samples.explanationDim();
        int[] hist = samples.history();
        for (int i = 0; i < size; i++) {
            int s = order[from + i];
            consumers.put(i, samples.consumers()[s]);
            products.put(i, samples.products()[s]);
            for (int k = 0; k < SampleSet.HISTORY; k++) {
                int p = hist[s * SampleSet.HISTORY + k];
                history.put(i * SampleSet.HISTORY + k, p < 0 ? paddingProduct : p);
            }
            target.put(i, samples.target()[s]);
            if (positive != null) {
                positive.put(i * d, samples.positive(), s * d, d);
            }
            if (negative != null) {
                negative.put(i * d, samples.negative(), s * d, d);
            }
        }
    }
}
