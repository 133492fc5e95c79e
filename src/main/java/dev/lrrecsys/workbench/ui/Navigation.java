package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.store.ExplanationFilter;

/**
 * How a view reaches the rest of the window: open another view (the keyword view opens matching explanations,
 * a chart point opens its case) or start one of the window's actions from an empty state.
 */
public interface Navigation {

    void show(ViewKind kind);

    void showExplanations(ExplanationFilter filter);

    void showCase(long sampleId);

    void importDataset();

    void generateExplanations();

    void buildKeywordIndex();

    void train();
}
