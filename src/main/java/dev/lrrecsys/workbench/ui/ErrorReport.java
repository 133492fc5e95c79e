package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.WorkbenchException;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What an error dialog says: what happened, what to do, and the technical details (kept out of sight): the cause
 * chain in plain words first, one cause a line, then the stack trace.
 * A {@link WorkbenchException}'s message already says both, so it is shown as is.
 */
public record ErrorReport(String headline, String whatToDo, String details) {

    public static ErrorReport of(String action, Throwable error, String logFile) {
        Throwable t = unwrap(error);
        String details = causes(t) + "\n" + stackTrace(t);
        if (t instanceof WorkbenchException) {
            return new ErrorReport(t.getMessage(), "Details are in the log file " + logFile + ".", details);
        }
        String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        return new ErrorReport(action + " failed: " + message,
                "This is unexpected (a bug). Try again; if it repeats, report it with the details below (also in " + logFile + ").",
                details);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.lang.reflect.InvocationTargetException
                || t.getClass() == RuntimeException.class) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The cause chain in reading order: each exception's simple class name and message, outermost first. */
    static String causes(Throwable t) {
        StringBuilder b = new StringBuilder("What happened, outermost first:\n");
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        String indent = "";
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            b.append(indent).append(c.getClass().getSimpleName());
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                b.append(": ").append(c.getMessage().strip().replace('\n', ' '));
            }
            b.append('\n');
            indent = "  because ";
        }
        return b.toString();
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
