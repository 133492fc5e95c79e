package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.task.TaskContext;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The one training loop of every network (LR-Recsys, its variants, the baselines on either engine, and the
 * explanation autoencoder): seeded shuffled batches, cancel before every batch, the non-finite loss rule, one
 * commit and one {@link EpochListener} call per epoch with the training loss and the validation metric.
 * <p>
 * Non-finite loss: the engine puts back the weights of the last finished epoch (or the initial ones) and training
 * stops with a message naming the epoch and batch; nothing after the bad batch is kept.
 * <p>
 * Early stopping (patience above 0 and a finite validation metric): after each commit the loop compares the
 * validation metric with the best so far, keeps a copy of the best epoch's weights, stops once {@code patience}
 * epochs in a row did not improve on it, and puts the best epoch's weights back at the end. The validation
 * samples are carved from the training samples by the caller; the test split never reaches this loop.
 */
final class EpochLoop {

    /**
     * When to stop before the maximum: {@code patience} epochs without a better validation metric (0: never);
     * RMSE is better lower, AUC higher.
     */
    record Stopping(int patience, boolean higherIsBetter) {
        static final Stopping NEVER = new Stopping(0, false);

        static Stopping of(PredictionTask task, int patience) {
            return new Stopping(patience, task == PredictionTask.CLASSIFICATION);
        }

        boolean better(double candidate, double best) {
            return higherIsBetter ? candidate > best : candidate < best;
        }
    }

    /** What the loop drives: one engine's optimiser steps on a copy of, or on, the model's weights. */
    interface Engine extends AutoCloseable {

        /**
         * Forward, backward and one optimiser step on training items {@code order[from .. from+size-1]}.
         *
         * @return the batch's mean loss; when it is not finite nothing was updated
         */
        double step(int[] order, int from, int size);

        /** Makes the weights trained so far the model's weights (end of an epoch). */
        void commit();

        /** Puts back the model's weights of the last commit. */
        void rollback();

        /** The model's arrays, holding the weights of the last commit (copied to keep the best epoch's). */
        Map<String, INDArray> committed();

        @Override
        void close();
    }

    /** An engine that trains the model's own arrays: a commit copies them, a rollback copies them back. */
    abstract static class InPlace implements Engine {
        private final Supplier<Map<String, INDArray>> arrays;
        private Map<String, INDArray> lastGood;

        InPlace(Supplier<Map<String, INDArray>> arrays) {
            this.arrays = arrays;
            this.lastGood = copy();
        }

        @Override
        public void commit() {
            lastGood = copy();
        }

        @Override
        public void rollback() {
            arrays.get().forEach((name, array) -> array.assign(lastGood.get(name)));
        }

        @Override
        public Map<String, INDArray> committed() {
            return arrays.get();
        }

        @Override
        public void close() {
            // The arrays belong to the model.
        }

        private Map<String, INDArray> copy() {
            Map<String, INDArray> copy = new HashMap<>();
            arrays.get().forEach((name, array) -> copy.put(name, array.dup()));
            return copy;
        }
    }

    private final String modelId;
    private final int epochs;
    private final int batchSize;
    private final long seed;
    private final double learningRate;
    private final boolean freshOrderEachEpoch;

    /**
     * @param freshOrderEachEpoch shuffle 0..n-1 anew each epoch (how the baselines' figures were made) rather than
     *                            the previous epoch's order (LR-Recsys's and the autoencoder's): both are uniform
     *                            permutations of one seeded stream, kept apart so that no figure made before the
     *                            loops were merged moves
     */
    EpochLoop(String modelId, int epochs, int batchSize, long seed, double learningRate, boolean freshOrderEachEpoch) {
        this.modelId = modelId;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.seed = seed;
        this.learningRate = learningRate;
        this.freshOrderEachEpoch = freshOrderEachEpoch;
    }

    /**
     * Trains {@code engine} on {@code n} training items, reporting each epoch to {@code listener} with the
     * {@code validation} metric of the committed weights (NaN when there is none); the last batch may be smaller.
     *
     * @return the epoch whose weights the model keeps: the best validation epoch when early stopping ran, else
     *         the last epoch trained (0 for no epoch)
     */
    int run(Engine engine, int n, DoubleSupplier validation, Stopping stopping, EpochListener listener,
            TaskContext context) {
        int[] order = IntStream.range(0, n).toArray();
        Random shuffle = new Random(seed);
        int last = 0;
        int bestEpoch = 0;
        double best = Double.NaN;
        Map<String, INDArray> bestWeights = null;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (freshOrderEachEpoch) {
                order = IntStream.range(0, n).toArray();
            }
            shuffle(order, shuffle);
            double lossSum = 0;
            for (int from = 0, batch = 1; from < n; from += batchSize, batch++) {
                context.checkCancelled();
                int size = Math.min(batchSize, n - from);
                double loss = engine.step(order, from, size);
                if (!Double.isFinite(loss)) {
                    engine.rollback();
                    throw nonFiniteLoss(loss, epoch, batch);
                }
                lossSum += loss * size;
            }
            engine.commit();
            last = epoch;
            double metric = validation.getAsDouble();
            listener.epochFinished(epoch, lossSum / n, metric);
            if (stopping.patience() > 0 && Double.isFinite(metric)) {
                if (bestEpoch == 0 || stopping.better(metric, best)) {
                    best = metric;
                    bestEpoch = epoch;
                    bestWeights = copy(engine.committed());
                } else if (epoch - bestEpoch >= stopping.patience()) {
                    break;
                }
            }
        }
        if (bestWeights == null || bestEpoch == last) {
            return last;
        }
        Map<String, INDArray> kept = bestWeights;
        engine.committed().forEach((name, array) -> array.assign(kept.get(name)));
        return bestEpoch;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> arrays) {
        Map<String, INDArray> copy = new HashMap<>();
        arrays.forEach((name, array) -> copy.put(name, array.dup()));
        return copy;
    }

    private WorkbenchException nonFiniteLoss(double loss, int epoch, int batch) {
        return new WorkbenchException(String.format(Locale.ROOT,
                "Training %s stopped: the loss became %s at epoch %d, batch %d (learning rate %s too high, or "
                        + "non-finite inputs). The model keeps the weights of %s.",
                modelId, Double.isNaN(loss) ? "NaN" : "infinite", epoch, batch, learningRate,
                epoch == 1 ? "its initialisation" : "epoch " + (epoch - 1)));
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
