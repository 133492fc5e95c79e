package dev.lrrecsys.workbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A learned lookup table (rows x 8) kept outside the SameDiff graph: rows are gathered into the
 * graph's row variables before a step and their gradients scattered back after it. SameDiff's gather
 * (1.0.0-M2.1) differentiates through a graph loop over the indices, which is slow and fails when
 * used twice in one graph; a native gather and scatter-add are one call each. The table gets a dense
 * Adam step, as PyTorch's non-sparse embeddings do.
 */
final class EmbeddingTable {

    private final INDArray table;
    private final INDArray gradient;
    private GradientUpdater<?> updater;

    EmbeddingTable(INDArray initial) {
        this.table = initial;
        this.gradient = Nd4j.zerosLike(initial);
    }

    INDArray values() {
        return table;
    }

    long rows() {
        return table.rows();
    }

    /** Copies the rows named by {@code indices} (INT) into {@code out} (indices.length x 8). */
    void lookup(INDArray indices, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(table, indices).addOutputs(out)
                .addIntegerArguments(0).build());
    }

    void clearGradient() {
        gradient.assign(0);
    }

    /** Adds each row gradient to the gradient of the row it came from (repeated rows add up). */
    void accumulate(INDArray indices, INDArray rowGradients) {
        // lock = true: the CPU kernel otherwise adds in parallel and races on repeated indices.
        Nd4j.exec(DynamicCustomOp.builder("scatter_add").addInputs(gradient, indices, rowGradients)
                .addOutputs(gradient).addBooleanArguments(true, false).callInplace(true).build());
    }

    /** One optimiser step on the accumulated gradient. */
    void step(IUpdater config, int iteration, int epoch) {
        if (updater == null) {
            updater = config.instantiate(Nd4j.zeros(table.dataType(), 1, config.stateSize(table.length())), true);
        }
        updater.applyUpdater(gradient, iteration, epoch);
        table.subi(gradient);
    }
}
