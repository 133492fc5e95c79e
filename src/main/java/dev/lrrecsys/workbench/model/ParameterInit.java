package dev.lrrecsys.workbench.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * The initial weights of every network's graph, drawn from a Java random stream of the training seed, so that a
 * seed gives the same network whatever Nd4j's global random generator did before. Each method adds one named
 * variable to a graph; the order of calls is the order of draws.
 */
final class ParameterInit {

    private final long seed;
    private final SplittableRandom random;

    ParameterInit(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** A fresh stream of the next seed (LR-Recsys draws its tables from one stream and its layers from the next). */
    ParameterInit next() {
        return new ParameterInit(seed + 1);
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

    /** A Glorot-uniform matrix variable. */
    SDVariable matrix(SameDiff sd, String name, int rows, int cols) {
        return sd.var(name, glorot(rows, cols));
    }

    /** An embedding table variable with small uniform values. */
    SDVariable table(SameDiff sd, String name, int rows, int cols) {
        return sd.var(name, uniform(rows, cols, 0.1));
    }

    SDVariable uniform(SameDiff sd, String name, int rows, int cols, double limit) {
        return sd.var(name, uniform(rows, cols, limit));
    }

    SDVariable normal(SameDiff sd, String name, int rows, int cols, double std) {
        return sd.var(name, normal(rows, cols, std));
    }

    SDVariable zeros(SameDiff sd, String name, int rows, int cols) {
        return sd.var(name, Nd4j.zeros(DataType.FLOAT, rows, cols));
    }

    SDVariable zeroVector(SameDiff sd, String name, int size) {
        return sd.var(name, Nd4j.zeros(DataType.FLOAT, size));
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
