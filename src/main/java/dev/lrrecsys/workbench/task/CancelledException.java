package dev.lrrecsys.workbench.task;

import dev.lrrecsys.workbench.WorkbenchException;

/** Thrown by {@link TaskContext#checkCancelled()} so a job unwinds (and rolls back its open batch) when cancelled. */
public final class CancelledException extends WorkbenchException {
    public CancelledException() {
        super("Cancelled");
    }
}
