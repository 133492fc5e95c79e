package dev.lrrecsys.workbench.task;

/** Lifecycle of a {@link TrackedTask}. */
public enum TaskState {
    WAITING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
