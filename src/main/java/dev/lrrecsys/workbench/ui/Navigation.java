package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.store.ExplanationFilter;
import dev.lrrecsys.workbench.workflow.FindKeyFactors;

/**
 * How a view reaches the rest of the window: open another view (the keyword view opens matching explanations,
 * a chart point opens its case) or start one of the window's actions from an empty state.
 */
public interface Navigation {

    void show(ViewKind kind);

    void showExplanations(ExplanationFilter filter);

    void showCase(long sampleId);

    /** Opens a sample in the case workbench through the run it was shown with. */
    default void showCase(long sampleId, long runId) {
        showCase(sampleId);
    }

    /** Opens the case workbench on a run (the case shown so far, or the first test sample). */
    default void showRunInCase(long runId) {
        show(ViewKind.CASE);
    }

    /** Opens a sample in the case workbench through an experiment's lr-recsys run. */
    default void showCaseInExperiment(long sampleId, long experimentId) {
        showCase(sampleId);
    }

    void importDataset();

    void generateExplanations();

    void buildKeywordIndex();

    /** Runs mask training (`lrw factors`) in the task panel; open views reload when it ends. */
    void findKeyFactors(FindKeyFactors.Settings settings);

    void train();
}
