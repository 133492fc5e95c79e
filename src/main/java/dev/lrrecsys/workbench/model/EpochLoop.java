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
 * stops with a message naming the epoch and batch; nothing after the bad batch is kept. Everything that decides
 * from one epoch to the next (validation split, early stopping, keeping the best epoch's weights) belongs here,
 * after {@link Engine#commit}.
 */
final class EpochLoop {

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
     */
    void run(Engine engine, int n, DoubleSupplier validation, EpochListener listener, TaskContext context) {
        int[] order = IntStream.range(0, n).toArray();
        Random shuffle = new Random(seed);
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
            listener.epochFinished(epoch, lossSum / n, validation.getAsDouble());
        }
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
