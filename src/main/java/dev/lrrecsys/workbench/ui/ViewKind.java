package dev.lrrecsys.workbench.ui;

/** The views of the window, with their tab title and the navigator group they are listed under. */
public enum ViewKind {
    START("Start", null),
    DATASET("Dataset", "Dataset"),
    EXPLANATIONS("Explanations", "Explanations"),
    COMPARISON("Side-by-side", "Explanations"),
    KEYWORDS("Keywords per restaurant", "Reports"),
    KEY_FACTORS("Key factors", "Reports"),
    RUNS("Runs", "Runs"),
    ATTENTION("Attention", "Runs"),
    UNCERTAINTY("Uncertainty vs gain", "Runs"),
    CASE("Case workbench", "Runs");

    private final String title;
    private final String group;

    ViewKind(String title, String group) {
        this.title = title;
        this.group = group;
    }

    public String title() {
        return title;
    }

    /** Navigator group, or null for views outside the project tree. */
    public String group() {
        return group;
    }

    @Override
    public String toString() {
        return title;
    }
}
