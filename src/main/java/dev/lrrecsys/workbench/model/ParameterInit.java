package dev.lrrecsys.workbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Initial weights drawn from a Java random stream of the training seed, so that a seed gives the same
 * network whatever Nd4j's global random generator did before.
 */
final class ParameterInit {

    private final SplittableRandom random;

    ParameterInit(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Glorot (Xavier) uniform, the usual choice for tanh/sigmoid/linear layers. */
    INDArray glorot(int rows, int cols) {
        return uniform(rows, cols, Math.sqrt(6.0 / (rows + cols)));
    }

    INDArray uniform(int rows, int cols, double limit) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return Nd4j.createFromArray(v).reshape(rows, cols);
    }

    INDArray normal(int rows, int cols, double std) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (gaussian() * std);
        }
        return Nd4j.createFromArray(v).reshape(rows, cols);
    }

    static INDArray zeros(int rows, int cols) {
        return Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, rows, cols);
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
