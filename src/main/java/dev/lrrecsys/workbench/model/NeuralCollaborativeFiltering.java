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
    protected SDVariable logit(SameDiff sd, Shape shape, Weights w) {
        int nc = shape.numConsumers();
        int np = shape.numProducts() + 1;
        SDVariable eConsumer = RowLookup.rows(sd, w.table(sd, "consumerTable", nc, DIM), sd.getVariable(CONSUMER), nc);
        SDVariable eProduct = RowLookup.rows(sd, w.table(sd, PRODUCT_TABLE, np, DIM), sd.getVariable(PRODUCT), np);
        SDVariable positive = explanation(sd, w, POSITIVE, shape.explanationDim());
        SDVariable negative = explanation(sd, w, NEGATIVE, shape.explanationDim());
        SDVariable x = sd.concat(1, eConsumer, eProduct, positive, negative);
        SDVariable h1 = sd.nn().relu(dense(sd, w, "mlp1", x, 4 * DIM, 32), 0);
        SDVariable h2 = sd.nn().relu(dense(sd, w, "mlp2", h1, 32, 16), 0);
        SDVariable h3 = sd.nn().relu(dense(sd, w, "mlp3", h2, 16, 8), 0);
        return dense(sd, w, "out", h3, 8, 1);
    }

    private static SDVariable explanation(SameDiff sd, Weights w, String name, int width) {
        SDVariable in = sd.getVariable(name);
        return width == DIM ? in : in.mmul(w.matrix(sd, name + "Projection", width, DIM));
    }
}
