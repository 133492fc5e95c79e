package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.task.TaskContext;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trainable predictor of a sample's target in [0,1]: LR-Recsys, its ablations and the baselines all
 * implement it, so the experiment harness trains and compares them the same way.
 */
public interface RatingModel {

    /** Stable identifier used in runs and the CLI's --models list, e.g. "lr-recsys", "id-only", "mf". */
    String id();

    /**
     * Trains on {@code train} for up to {@code settings.epochs()} epochs, reporting each epoch to
     * {@code listener} with the metric on {@code validation} (null or empty: none, and no early stopping); with
     * {@code settings.patience()} above 0 it stops after that many epochs without a better validation metric and
     * keeps the best epoch's weights. Checks {@code context} for cancel at least once per batch.
     *
     * @return the epochs used: the epoch whose weights the model holds
     */
    int fit(SampleSet train, SampleSet validation, TrainingSettings settings, EpochListener listener,
             TaskContext context);

    /** Predictions in [0,1], one per sample, in the set's order. */
    float[] predict(SampleSet samples);

    void save(Path file) throws IOException;

    void load(Path file) throws IOException;
}
