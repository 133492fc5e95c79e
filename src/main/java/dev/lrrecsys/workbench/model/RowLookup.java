package dev.lrrecsys.workbench.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Embedding-table row lookup for the baselines as one-hot rows times the table. SameDiff's gather
 * gradient (1.0.0-M2.1) builds a graph loop that fails once a graph holds two gathers ("Unable to replace
 * samediff namespace"), and a Gather subclass with its own gradient is lost when SameDiff clones the graph
 * through serialisation to build the gradient function; a matrix product differentiates everywhere.
 */
final class RowLookup {

    private RowLookup() {
    }

    /** Rows {@code indices} (1-D, int) of {@code table}, which has {@code rows} rows. */
    static SDVariable rows(SameDiff sd, SDVariable table, SDVariable indices, int rows) {
        return sd.oneHot(indices, rows, -1, 1.0, 0.0, DataType.FLOAT).mmul(table);
    }
}
