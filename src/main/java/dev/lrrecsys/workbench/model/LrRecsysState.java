package dev.lrrecsys.workbench.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trainable state of one LR-Recsys network: its SameDiff graph, the two embedding tables, and the
 * optimiser state of graph training. One graph training step is one graph call (forward and backward together)
 * plus the optimiser's in-place updates; the CPU kernel ({@link LrRecsysKernel}) trains a copy of these arrays
 * and writes them back.
 */
final class LrRecsysState {

    static final String CONSUMER_TABLE = "consumerTable";
    static final String PRODUCT_TABLE = "productTable";

    private static final List<String> LOSS_ONLY = List.of(LrRecsysGraph.LOSS);
    private static final List<String> ROW_VARIABLES =
            List.of(LrRecsysGraph.CONSUMER_ROWS, LrRecsysGraph.PRODUCT_ROWS, LrRecsysGraph.HISTORY_ROWS);

    final LrRecsysGraph.Shape shape;
    private final SameDiff graph;
    private final EmbeddingTable consumers;
    private final EmbeddingTable products;
    /** Graph variables the optimiser updates (everything but the looked-up rows), in a fixed order. */
    private final List<String> weights = new ArrayList<>();
    private final List<String> gradientNames = new ArrayList<>();
    private final Map<String, GradientUpdater<?>> updaters = new HashMap<>();
    private int iteration;
    private boolean gradientsReady;

    LrRecsysState(LrRecsysGraph.Shape shape, long seed) {
        Nd4jThreads.apply();
        this.shape = shape;
        ParameterInit init = new ParameterInit(seed);
        this.consumers = new EmbeddingTable(init.normal(shape.numConsumers(), LrRecsysGraph.DIM, 0.1));
        // The extra last row is the learned padding vector of short histories.
        this.products = new EmbeddingTable(init.normal(shape.numProducts() + 1, LrRecsysGraph.DIM, 0.1));
        this.graph = LrRecsysGraph.build(shape, seed + 1);
        for (SDVariable v : graph.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && !ROW_VARIABLES.contains(v.name())) {
                weights.add(v.name());
            }
        }
        gradientNames.addAll(weights);
        gradientNames.addAll(ROW_VARIABLES);
    }

    /** Every learned array by a stable name: the graph's weights and the two tables. */
    Map<String, INDArray> parameters() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(CONSUMER_TABLE, consumers.values());
        out.put(PRODUCT_TABLE, products.values());
        for (String w : weights) {
            out.put(w, graph.getVariable(w).getArr());
        }
        return out;
    }

    /** Number of learned values (tables included). */
    long parameterCount() {
        return parameters().values().stream().mapToLong(INDArray::length).sum();
    }

    /**
     * Forward, backward and one optimiser step on a filled batch.
     *
     * @return the batch loss; when it is not finite nothing was updated
     */
    double trainStep(SampleBatch batch, IUpdater updater, int epoch) {
        OutAndGrad result = gradients(batch);
        double loss = result.getOutputs().get(LrRecsysGraph.LOSS).getDouble(0);
        if (!Double.isFinite(loss)) {
            return loss;
        }
        Map<String, INDArray> gradients = result.getGradients();
        for (String w : weights) {
            INDArray g = gradients.get(w);
            updaters.computeIfAbsent(w, k -> UpdaterState.create(updater, g.dataType(), g.length()))
                    .applyUpdater(g, iteration, epoch);
            graph.getVariable(w).getArr().subi(g);
        }
        consumers.clearGradient();
        consumers.accumulate(batch.consumerIndex, gradients.get(LrRecsysGraph.CONSUMER_ROWS));
        consumers.step(updater, iteration, epoch);
        products.clearGradient();
        products.accumulate(batch.productIndex, gradients.get(LrRecsysGraph.PRODUCT_ROWS));
        products.accumulate(batch.historyIndex, gradients.get(LrRecsysGraph.HISTORY_ROWS));
        products.step(updater, iteration, epoch);
        iteration++;
        return loss;
    }

    /**
     * The loss and the gradients of every weight and of the three row variables on a filled batch, without
     * updating anything.
     */
    OutAndGrad gradients(SampleBatch batch) {
        if (!gradientsReady) {
            // The backward graph is built before the first row array is bound: building it re-binds variables.
            // Only graph training needs it (the CPU kernel has its own backward pass).
            graph.createGradFunction();
            gradientsReady = true;
        }
        bind(batch);
        return graph.calculateGradientsAndOutputs(batch.placeholders, LOSS_ONLY, gradientNames);
    }

    /** The named outputs (e.g. prediction, alpha) of a filled batch. */
    Map<String, INDArray> infer(SampleBatch batch, String... outputs) {
        bind(batch);
        return graph.output(batch.placeholders, outputs);
    }

    /** Looks the batch's rows up in the tables and binds them to the graph's row variables. */
    private void bind(SampleBatch batch) {
        consumers.lookup(batch.consumerIndex, batch.consumerRows);
        products.lookup(batch.productIndex, batch.productRows);
        products.lookup(batch.historyIndex, batch.historyRows);
        bindRows(LrRecsysGraph.CONSUMER_ROWS, batch.consumerRows);
        bindRows(LrRecsysGraph.PRODUCT_ROWS, batch.productRows);
        bindRows(LrRecsysGraph.HISTORY_ROWS, batch.historyRows);
    }

    private void bindRows(String name, INDArray rows) {
        SDVariable v = graph.getVariable(name);
        if (v.getArr() != rows) {
            v.setArray(rows);
        }
    }
}
