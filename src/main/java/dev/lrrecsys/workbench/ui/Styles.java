package dev.lrrecsys.workbench.ui;

/** Style classes of styles/workbench.css, named once so code never spells CSS strings. */
public final class Styles {

    public static final String STYLESHEET = "/styles/workbench.css";
    public static final String EMPTY_STATE = "empty-state";
    public static final String EMPTY_TITLE = "empty-title";
    public static final String VIEW = "view";
    public static final String TOOLBAR = "view-toolbar";
    public static final String COUNTS = "counts";
    public static final String TASK_PANEL = "task-panel";
    public static final String TASK_ROW = "task-row";
    public static final String TASK_ERROR = "task-error";
    public static final String TASK_DONE = "task-done";
    public static final String TASK_FAILED_BAR = "task-failed-bar";
    public static final String START_SCREEN = "start-screen";
    public static final String HEADLINE = "headline";
    public static final String DETAIL_TEXT = "detail-text";
    public static final String POSITIVE = "positive-side";
    public static final String NEGATIVE = "negative-side";
    public static final String CONNECTION_OK = "connection-ok";
    public static final String CONNECTION_FAILED = "connection-failed";

    private Styles() {
    }
}
