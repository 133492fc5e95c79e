package dev.lrrecsys.workbench.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.List;

/**
 * Robustness check 1 of the paper: NCF's MLP [32, 16, 8] over [consumer, product, positive, negative]
 * (each 8-dim; wider explanation features are projected to 8) instead of the attention network.
 */
public final class NeuralCollaborativeFiltering extends GraphRatingModel {

    public static final String ID = "ncf";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected List<String> inputs() {
        return List.of(CONSUMER, PRODUCT, POSITIVE, NEGATIVE);
    }

    @Override
    protected SDVariable logit(SameDiff sd, Shape shape, ParameterInit w) {
        int nc = shape.numConsumers();
        int np = shape.numProducts() + 1;
        SDVariable eConsumer = RowLookup.rows(sd, w.table(sd, "consumerTable", nc, DIM), sd.getVariable(CONSUMER), nc);
        SDVariable eProduct = RowLookup.rows(sd, w.table(sd, PRODUCT_TABLE, np, DIM), sd.getVariable(PRODUCT), np);
        SDVariable positive = explanation(sd, w, POSITIVE, shape.explanationDim());
        SDVariable negative = explanation(sd, w, NEGATIVE, shape.explanationDim());
        SDVariable x = sd.concat(1, eConsumer, eProduct, positive, negative);
        SDVariable h1 = droppedOut(sd, sd.nn().relu(dense(sd, w, "mlp1", x, 4 * DIM, 32), 0));
        SDVariable h2 = sd.nn().relu(dense(sd, w, "mlp2", h1, 32, 16), 0);
        SDVariable h3 = sd.nn().relu(dense(sd, w, "mlp3", h2, 16, 8), 0);
        return dense(sd, w, "out", h3, 8, 1);
    }

    private static SDVariable explanation(SameDiff sd, ParameterInit w, String name, int width) {
        SDVariable in = sd.getVariable(name);
        return width == DIM ? in : in.mmul(w.matrix(sd, name + "Projection", width, DIM));
    }

    @Override
    protected int dropoutUnits() {
        return 32;
    }

    @Override
    SamplePass.Factory network() {
        return (layout, padding) -> new Pass(layout);
    }

    /** The graph above for one sample. */
    private static final class Pass implements SamplePass {
        private static final int WIDTH = 4 * DIM;
        private final int consumerTable;
        private final int productTable;
        /** Offsets of the explanation projections, -1 where the features are 8-dim and used as they are. */
        private final int positiveProjection;
        private final int negativeProjection;
        private final DenseLayer mlp1;
        private final DenseLayer mlp2;
        private final DenseLayer mlp3;
        private final DenseLayer out;
        private final float[] x = new float[WIDTH];
        private final float[] h1 = new float[32];
        private final float[] h2 = new float[16];
        private final float[] h3 = new float[8];
        private final float[] logit = new float[1];
        private final float[] dX = new float[WIDTH];
        private final float[] dH1 = new float[32];
        private final float[] dH2 = new float[16];
        private final float[] dH3 = new float[8];
        private final float[] dLogits = new float[1];
        private final float[] h1Keep = new float[32];
        private double dropoutRate;
        private long dropoutKey;

        Pass(ParameterLayout layout) {
            consumerTable = layout.offset("consumerTable");
            productTable = layout.offset(PRODUCT_TABLE);
            positiveProjection = ExplanationSlot.projection(layout, POSITIVE);
            negativeProjection = ExplanationSlot.projection(layout, NEGATIVE);
            mlp1 = new DenseLayer(layout, "mlp1", WIDTH, 32, true);
            mlp2 = new DenseLayer(layout, "mlp2", 32, 16, true);
            mlp3 = new DenseLayer(layout, "mlp3", 16, 8, true);
            out = new DenseLayer(layout, "out", 8, 1, false);
        }

        @Override
        public void dropout(double rate, long key) {
            dropoutRate = rate;
            dropoutKey = key;
        }

        @Override
        public float forward(SampleSet set, int s, float[] w) {
            System.arraycopy(w, consumerTable + set.consumers()[s] * DIM, x, 0, DIM);
            System.arraycopy(w, productTable + set.products()[s] * DIM, x, DIM, DIM);
            ExplanationSlot.forward(set.positive(), set.explanationDim(), s, w, positiveProjection, x, 2 * DIM);
            ExplanationSlot.forward(set.negative(), set.explanationDim(), s, w, negativeProjection, x, 3 * DIM);
            mlp1.forward(w, x, 0, h1);
            for (int j = 0; j < h1.length; j++) {
                h1Keep[j] = dropoutRate > 0 ? Regularisation.keep(dropoutKey, s, j, dropoutRate) : 1f;
                h1[j] *= h1Keep[j];
            }
            mlp2.forward(w, h1, 0, h2);
            mlp3.forward(w, h2, 0, h3);
            out.forward(w, h3, 0, logit);
            return logit[0];
        }

        @Override
        public void backward(SampleSet set, int s, float[] w, float dLogit, float[] grad) {
            dLogits[0] = dLogit;
            out.backward(w, h3, 0, logit, dLogits, grad, dH3, 0);
            mlp3.backward(w, h2, 0, h3, dH3, grad, dH2, 0);
            mlp2.backward(w, h1, 0, h2, dH2, grad, dH1, 0);
            // A dropped unit's output is 0, which the ReLU's backward masks; a kept one scales its gradient.
            for (int j = 0; j < dH1.length; j++) {
                dH1[j] *= h1Keep[j];
            }
            mlp1.backward(w, x, 0, h1, dH1, grad, dX, 0);
            addRow(grad, consumerTable + set.consumers()[s] * DIM, 0);
            addRow(grad, productTable + set.products()[s] * DIM, DIM);
            ExplanationSlot.backward(set.positive(), set.explanationDim(), s, positiveProjection, dX, 2 * DIM, grad);
            ExplanationSlot.backward(set.negative(), set.explanationDim(), s, negativeProjection, dX, 3 * DIM, grad);
        }

        private void addRow(float[] grad, int row, int at) {
            for (int k = 0; k < DIM; k++) {
                grad[row + k] += dX[at + k];
            }
        }
    }
}
