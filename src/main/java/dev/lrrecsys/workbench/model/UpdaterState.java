package dev.lrrecsys.workbench.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/** Creates an optimizer's per-parameter state; stateless ones (SGD) must get no state array at all. */
final class UpdaterState {

    private UpdaterState() {
    }

    static GradientUpdater<?> create(IUpdater config, DataType type, long parameterLength) {
        long size = config.stateSize(parameterLength);
        return size == 0 ? config.instantiate((org.nd4j.linalg.api.ndarray.INDArray) null, false)
                : config.instantiate(Nd4j.zeros(type, 1, size), true);
    }
}
