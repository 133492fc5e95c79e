package dev.lrrecsys.workbench.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.List;

/** Classic reference: biased matrix factorisation, sigmoid(g + b_c + b_p + e_c . e_p), no history, no explanations. */
public final class MatrixFactorisation extends GraphRatingModel {

    public static final String ID = "mf";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected List<String> inputs() {
        return List.of(CONSUMER, PRODUCT);
    }

    @Override
    protected SDVariable logit(SameDiff sd, Shape shape, ParameterInit w) {
        SDVariable consumer = sd.getVariable(CONSUMER);
        SDVariable product = sd.getVariable(PRODUCT);
        int nc = shape.numConsumers();
        int np = shape.numProducts() + 1;
        SDVariable eConsumer = RowLookup.rows(sd, w.table(sd, "consumerTable", nc, DIM), consumer, nc);
        SDVariable eProduct = RowLookup.rows(sd, w.table(sd, PRODUCT_TABLE, np, DIM), product, np);
        SDVariable consumerBias = RowLookup.rows(sd, w.zeros(sd, "consumerBias", nc, 1), consumer, nc);
        SDVariable productBias = RowLookup.rows(sd, w.zeros(sd, "productBias", np, 1), product, np);
        SDVariable dot = eConsumer.mul(eProduct).sum(true, 1);
        return dot.add(consumerBias).add(productBias).add(w.zeros(sd, "globalBias", 1, 1));
    }

    @Override
    SamplePass.Factory network() {
        return (layout, padding) -> new Pass(layout);
    }

    /** The graph above for one sample: the logit is linear in each looked-up row, so the pass keeps nothing. */
    private static final class Pass implements SamplePass {
        private final int consumerTable;
        private final int productTable;
        private final int consumerBias;
        private final int productBias;
        private final int globalBias;

        Pass(ParameterLayout layout) {
            consumerTable = layout.offset("consumerTable");
            productTable = layout.offset(PRODUCT_TABLE);
            consumerBias = layout.offset("consumerBias");
            productBias = layout.offset("productBias");
            globalBias = layout.offset("globalBias");
        }

        @Override
        public float forward(SampleSet set, int s, float[] w) {
            int c = consumerTable + set.consumers()[s] * DIM;
            int p = productTable + set.products()[s] * DIM;
            float dot = 0f;
            for (int k = 0; k < DIM; k++) {
                dot += w[c + k] * w[p + k];
            }
            return dot + w[consumerBias + set.consumers()[s]] + w[productBias + set.products()[s]] + w[globalBias];
        }

        @Override
        public void backward(SampleSet set, int s, float[] w, float dLogit, float[] grad) {
            int c = consumerTable + set.consumers()[s] * DIM;
            int p = productTable + set.products()[s] * DIM;
            for (int k = 0; k < DIM; k++) {
                grad[c + k] += dLogit * w[p + k];
                grad[p + k] += dLogit * w[c + k];
            }
            grad[consumerBias + set.consumers()[s]] += dLogit;
            grad[productBias + set.products()[s]] += dLogit;
            grad[globalBias] += dLogit;
        }
    }
}
