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
    protected SDVariable logit(SameDiff sd, Shape shape, Weights w) {
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
}
