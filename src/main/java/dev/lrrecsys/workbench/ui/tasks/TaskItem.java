package dev.lrrecsys.workbench.ui.tasks;

import dev.lrrecsys.workbench.evaluate.ExperimentOutcome;
import dev.lrrecsys.workbench.explain.GenerationSummary;
import dev.lrrecsys.workbench.insight.KeywordIndexJob;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.TaskSnapshot;
import dev.lrrecsys.workbench.task.TaskState;
import dev.lrrecsys.workbench.task.TrackedTask;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Locale;

/** One row of the task panel: a job's live state as observable properties, updated on the UI thread. */
public final class TaskItem {

    private final TrackedTask<?> task;
    private final StringProperty title = new SimpleStringProperty();
    private final ObjectProperty<TaskState> state = new SimpleObjectProperty<>(TaskState.WAITING);
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");

    TaskItem(TrackedTask<?> task) {
        this.task = task;
        update(task.snapshot());
    }

    void update(TaskSnapshot s) {
        title.set(s.title());
        state.set(s.state());
        // A failed task's bar is full (in the error style), not frozen half-way as if it still ran.
        // The bar covers the whole job where the job declared its phases, not the current phase's counts.
        progress.set(s.state() == TaskState.SUCCEEDED || s.state() == TaskState.FAILED ? 1 : s.overallFraction());
        detail.set(detail(s));
        counts.set(counts(s));
        message.set(s.message());
        outcome.set(outcome(s));
    }

    /** Counts, rate, share of the job and ETA, then the job's message: the whole line, for tooltips and tests. */
    static String detail(TaskSnapshot s) {
        String c = counts(s);
        return s.message().isEmpty() ? c : c.isEmpty() ? s.message() : c + " - " + s.message();
    }

    /** Counts, rate, share of the job and ETA: short, shown whole. */
    static String counts(TaskSnapshot s) {
        StringBuilder b = new StringBuilder();
        if (s.total() > 0) {
            b.append(s.done()).append(" / ").append(s.total());
        } else if (s.done() > 0) {
            b.append(s.done());
        }
        if (!Double.isNaN(s.ratePerSecond()) && !s.state().isFinished()) {
            b.append(b.length() > 0 ? ", " : "").append(rate(s.ratePerSecond()));
        }
        if (s.jobFraction() >= 0 && !s.state().isFinished()) {
            b.append(b.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "job %.0f%%", 100 * s.jobFraction()));
        }
        if ((s.total() > 0 || s.jobFraction() >= 0) && s.state() == TaskState.RUNNING) {
            b.append(b.length() > 0 ? ", " : "").append(eta(s.etaSeconds()));
        }
        return b.toString();
    }

    /** Slow steps (autoencoder epochs) read as seconds each, never as "0/s". */
    static String rate(double perSecond) {
        if (perSecond >= 10) {
            return String.format(Locale.ROOT, "%.0f/s", perSecond);
        }
        if (perSecond >= 1) {
            return String.format(Locale.ROOT, "%.1f/s", perSecond);
        }
        return String.format(Locale.ROOT, "%.1f s each", 1 / perSecond);
    }

    /**
     * The whole job's ETA (a job with declared phases counts the phases still to come); "ETA n/a" while unknown, or
     * when a job without declared phases has moved to another phase whose counts say nothing of the whole.
     */
    static String eta(double seconds) {
        if (Double.isNaN(seconds)) {
            return "ETA n/a";
        }
        long eta = Math.round(seconds);
        return eta >= 3600 ? String.format(Locale.ROOT, "ETA %d:%02d:%02d", eta / 3600, eta / 60 % 60, eta % 60)
                : String.format(Locale.ROOT, "ETA %d:%02d", eta / 60, eta % 60);
    }

    private String outcome(TaskSnapshot s) {
        if (!s.state().isFinished() && task.isCancelled()) {
            return "Cancelling...";
        }
        return switch (s.state()) {
            case WAITING -> "Waiting";
            case RUNNING -> "Running";
            case CANCELLED -> "Cancelled: what was committed is kept";
            case FAILED -> "Failed: " + s.error();
            case SUCCEEDED -> task.result() instanceof Path saved ? "Saved to " + saved : "Done" + describe(task.result());
        };
    }

    /** A readable outcome for the results the window's jobs return. */
    static String describe(Object result) {
        if (result == null) {
            return "";
        }
        String text;
        if (result instanceof Project p) {
            text = "opened " + p.dir();
        } else if (result instanceof GenerationSummary g) {
            text = g.describe();
        } else if (result instanceof ExperimentOutcome e) {
            text = "experiment " + e.experimentId() + " (" + e.trainSamples() + " train, " + e.testSamples() + " test samples)";
        } else if (result instanceof KeywordIndexJob.Result k) {
            text = k.explanations() + " explanations of " + k.products() + " products indexed";
        } else {
            text = result.toString();
        }
        return ": " + abbreviate(text.replace('\n', ' ').strip());
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }

    public void cancel() {
        task.cancel();
        update(task.snapshot());
    }

    /** True from the press of Cancel until the job stops. */
    public boolean cancelling() {
        return !state.get().isFinished() && task.isCancelled();
    }

    public TrackedTask<?> task() {
        return task;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObjectProperty<TaskState> stateProperty() {
        return state;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty detailProperty() {
        return detail;
    }

    /** Counts, rate, share of the job and ETA. */
    public StringProperty countsProperty() {
        return counts;
    }

    /** The job's latest message (may be long: the row cuts it and shows it whole in a tooltip). */
    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty outcomeProperty() {
        return outcome;
    }
}
