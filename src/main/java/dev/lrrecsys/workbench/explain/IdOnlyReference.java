package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.task.TaskContext;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The ID-only model IC compares against: biased matrix factorisation (global mean, consumer and product biases,
 * 8-dim factors) over consumer and product ids only, fitted by seeded SGD on the probes' training samples with
 * early stopping on their validation part (best-validation parameters kept). Small and self-contained so that
 * scoring needs no stored experiment; the workbench's `id-only` network is the richer ID model, but it needs
 * codes of explanations to exist and minutes of training (docs/decisions/0018).
 */
public final class IdOnlyReference {

    private static final int DIM = 8;
    private static final int MAX_EPOCHS = 60;
    private static final int PATIENCE = 3;
    private static final double LEARNING_RATE = 0.02;
    private static final double REGULARISATION = 0.02;

    private final Map<Integer, Integer> consumerIndex;
    private final Map<Integer, Integer> productIndex;
    private final double mean;
    private final double[] consumerBias;
    private final double[] productBias;
    private final double[] consumerFactors;
    private final double[] productFactors;
    private final double validationRmse;
    private final int epochs;

    private IdOnlyReference(Map<Integer, Integer> consumerIndex, Map<Integer, Integer> productIndex, double mean,
                            double[] cb, double[] pb, double[] cf, double[] pf, double validationRmse, int epochs) {
        this.consumerIndex = consumerIndex;
        this.productIndex = productIndex;
        this.mean = mean;
        this.consumerBias = cb;
        this.productBias = pb;
        this.consumerFactors = cf;
        this.productFactors = pf;
        this.validationRmse = validationRmse;
        this.epochs = epochs;
    }

    public double validationRmse() {
        return validationRmse;
    }

    /** Epochs until the best validation RMSE. */
    public int epochs() {
        return epochs;
    }

    /** The prediction on the [0,1] scale; unseen consumers or products contribute nothing beyond the mean. */
    public double predict(int consumer, int product) {
        Integer c = consumerIndex.get(consumer);
        Integer p = productIndex.get(product);
        double s = mean;
        if (c != null) {
            s += consumerBias[c];
        }
        if (p != null) {
            s += productBias[p];
        }
        if (c != null && p != null) {
            for (int k = 0; k < DIM; k++) {
                s += consumerFactors[c * DIM + k] * productFactors[p * DIM + k];
            }
        }
        return Math.max(0, Math.min(1, s));
    }

    /**
     * @param train      rows of (consumer, product) with targets, fitted on
     * @param validation rows held out for early stopping (may be empty: then all epochs run)
     */
    public static IdOnlyReference fit(int[][] train, double[] trainTarget, int[][] validation, double[] validationTarget,
                                      long seed, TaskContext context) {
        Map<Integer, Integer> ci = new HashMap<>();
        Map<Integer, Integer> pi = new HashMap<>();
        double mean = 0;
        for (int i = 0; i < train.length; i++) {
            ci.putIfAbsent(train[i][0], ci.size());
            pi.putIfAbsent(train[i][1], pi.size());
            mean += trainTarget[i];
        }
        mean = train.length == 0 ? 0.5 : mean / train.length;
        Random random = new Random(seed);
        double[] cb = new double[ci.size()];
        double[] pb = new double[pi.size()];
        double[] cf = new double[ci.size() * DIM];
        double[] pf = new double[pi.size() * DIM];
        for (int i = 0; i < cf.length; i++) {
            cf[i] = random.nextGaussian() * 0.05;
        }
        for (int i = 0; i < pf.length; i++) {
            pf[i] = random.nextGaussian() * 0.05;
        }
        IdOnlyReference model = new IdOnlyReference(ci, pi, mean, cb, pb, cf, pf, Double.NaN, 0);
        IdOnlyReference best = model.copy(Double.NaN, 0);
        double bestRmse = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        int[] order = new int[train.length];
        Arrays.setAll(order, i -> i);
        for (int epoch = 1; epoch <= MAX_EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int n = 0; n < order.length; n++) {
                if ((n & 4095) == 0) {
                    context.checkCancelled();
                }
                int s = order[n];
                model.step(ci.get(train[s][0]), pi.get(train[s][1]), trainTarget[s]);
            }
            if (validation.length == 0) {
                best = model.copy(Double.NaN, epoch);
                continue;
            }
            double rmse = model.rmse(validation, validationTarget);
            if (rmse < bestRmse) {
                bestRmse = rmse;
                best = model.copy(rmse, epoch);
                sinceBest = 0;
            } else if (++sinceBest >= PATIENCE) {
                break;
            }
        }
        return best;
    }

    private void step(int c, int p, double target) {
        double s = mean + consumerBias[c] + productBias[p];
        for (int k = 0; k < DIM; k++) {
            s += consumerFactors[c * DIM + k] * productFactors[p * DIM + k];
        }
        double err = s - target;
        consumerBias[c] -= LEARNING_RATE * (err + REGULARISATION * consumerBias[c]);
        productBias[p] -= LEARNING_RATE * (err + REGULARISATION * productBias[p]);
        for (int k = 0; k < DIM; k++) {
            double cv = consumerFactors[c * DIM + k];
            double pv = productFactors[p * DIM + k];
            consumerFactors[c * DIM + k] -= LEARNING_RATE * (err * pv + REGULARISATION * cv);
            productFactors[p * DIM + k] -= LEARNING_RATE * (err * cv + REGULARISATION * pv);
        }
    }

    private double rmse(int[][] rows, double[] target) {
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            double d = predict(rows[i][0], rows[i][1]) - target[i];
            sum += d * d;
        }
        return Math.sqrt(sum / Math.max(1, rows.length));
    }

    private IdOnlyReference copy(double rmse, int epoch) {
        return new IdOnlyReference(consumerIndex, productIndex, mean, consumerBias.clone(), productBias.clone(),
                consumerFactors.clone(), productFactors.clone(), rmse, epoch);
    }
}
