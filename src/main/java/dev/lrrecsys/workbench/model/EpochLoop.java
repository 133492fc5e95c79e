package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.Locale;
import java.util.Random;

/**
 * The one training loop of every network (LR-Recsys, its variants and the baselines, on either engine): shuffled
 * batches, cancel before every batch, the non-finite loss rule, one commit and one {@link EpochListener} call per
 * epoch with the training loss and the validation metric.
 * <p>
 * Non-finite loss: the engine puts back the weights of the last finished epoch (or the initial ones) and training
 * stops with a message naming the epoch and batch; nothing after the bad batch is kept. Everything that decides
 * from one epoch to the next (validation split, early stopping, keeping the best epoch's weights) belongs here,
 * after {@link Engine#commit}.
 */
final class EpochLoop {

    /** What the loop drives: one engine's optimiser steps on a copy of, or on, the model's weights. */
    interface Engine extends AutoCloseable {

        /** Forward, backward and one optimiser step on {@code order[from .. from+size-1]}; not finite: no update. */
        double step(SampleSet train, int[] order, int from, int size);

        /** Predictions with the weights of the last commit. */
        float[] predict(SampleSet samples);

        /** Makes the weights trained so far the model's weights (end of an epoch). */
        void commit();

        /** Puts back the model's weights of the last commit. */
        void rollback();

        @Override
        void close();
    }

    private final String modelId;
    private final TrainingSettings settings;
    private final boolean freshOrderEachEpoch;

    /**
     * @param freshOrderEachEpoch shuffle 0..n-1 anew each epoch (how the baselines' figures were made) rather than
     *                            the previous epoch's order (LR-Recsys's): both are uniform permutations of one
     *                            seeded stream; kept apart so that no figure made before the loops were merged moves
     */
    EpochLoop(String modelId, TrainingSettings settings, boolean freshOrderEachEpoch) {
        this.modelId = modelId;
        this.settings = settings;
        this.freshOrderEachEpoch = freshOrderEachEpoch;
    }

    /** Trains {@code engine} on {@code train} for the settings' epochs, reporting each epoch to {@code listener}. */
    void run(Engine engine, SampleSet train, SampleSet validation, EpochListener listener, TaskContext context) {
        int n = train.size();
        int batchSize = settings.batchSize();
        if (n < batchSize) {
            throw new WorkbenchException("Training " + modelId + " needs at least one full batch: " + n
                    + " training samples, batch size " + batchSize + ".");
        }
        int[] order = identity(n);
        Random shuffle = new Random(settings.seed());
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            if (freshOrderEachEpoch) {
                order = identity(n);
            }
            shuffle(order, shuffle);
            double lossSum = 0;
            for (int from = 0, batch = 1; from < n; from += batchSize, batch++) {
                context.checkCancelled();
                int size = Math.min(batchSize, n - from);
                double loss = engine.step(train, order, from, size);
                if (!Double.isFinite(loss)) {
                    engine.rollback();
                    throw nonFiniteLoss(loss, epoch, batch);
                }
                lossSum += loss * size;
            }
            engine.commit();
            double metric = validation == null || validation.size() == 0 ? Double.NaN
                    : ValidationMetric.of(settings.task(), engine.predict(validation), validation.target());
            listener.epochFinished(epoch, lossSum / n, metric);
        }
    }

    private WorkbenchException nonFiniteLoss(double loss, int epoch, int batch) {
        return new WorkbenchException(String.format(Locale.ROOT,
                "Training %s stopped: the loss became %s at epoch %d, batch %d (learning rate %s too high, or "
                        + "non-finite inputs). The model keeps the weights of %s.",
                modelId, Double.isNaN(loss) ? "NaN" : "infinite", epoch, batch, settings.learningRate(),
                epoch == 1 ? "its initialisation" : "epoch " + (epoch - 1)));
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
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
