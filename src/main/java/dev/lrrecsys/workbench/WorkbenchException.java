package dev.lrrecsys.workbench;

/**
 * A failure the user can act on: its message says what happened and what to do, and is shown as is
 * (CLI: one line on stderr; UI: the headline of an error dialog). Anything else is a bug.
 */
public class WorkbenchException extends RuntimeException {
    public WorkbenchException(String message) {
        super(message);
    }

    public WorkbenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
