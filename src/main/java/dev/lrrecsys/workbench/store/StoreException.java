package dev.lrrecsys.workbench.store;

import dev.lrrecsys.workbench.WorkbenchException;

import java.sql.SQLException;

/** A database failure that is not the user's doing (a full disk, a corrupt file...). */
public final class StoreException extends WorkbenchException {

    private final boolean commitOutcomeUnknown;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private StoreException(String message, Throwable cause, boolean commitOutcomeUnknown) {
        super(message, cause);
        this.commitOutcomeUnknown = commitOutcomeUnknown;
    }

    /**
     * The disk filled up during the commit itself: H2 may have written the change before it failed, so whether it
     * was kept can only be told by reading the file again (the import does, see workflow.ImportDataset).
     */
    public boolean commitOutcomeUnknown() {
        return commitOutcomeUnknown;
    }

    /**
     * The user-facing form of an SQL failure; a full disk is named as such (H2 says only "IO Exception" or "This
     * store is closed").
     *
     * @param duringCommit the failure came from the commit itself: then H2 may have written the change before it
     *                     failed, and only the next open can tell
     */
    public static StoreException of(Exception e, boolean duringCommit) {
        if (!isDiskFull(e)) {
            return new StoreException("Database error: " + e.getMessage(), e);
        }
        String what = duringCommit
                ? "The disk filled up while a change was being committed: H2 may have written it before it failed, so "
                + "whether it was kept is known only once there is space again (then `lrw project check` compares the "
                + "database with its last close, and `lrw info` shows what it holds)."
                : "The disk is full: the change in progress was not saved (it was rolled back); what was committed "
                + "before it is kept. Free some space and run it again.";
        return new StoreException(what, e, duringCommit);
    }

    private static final java.util.regex.Pattern DATABASE_FILE = java.util.regex.Pattern.compile("\"([^\"]+\\.mv\\.db)\"");
    /** Below this much free space on the database file's disk (a few of H2's chunks, which reach megabytes), an I/O failure writing it is a full disk. */
    private static final long NEARLY_FULL_BYTES = 16L << 20;

    /**
     * H2 often drops the operating system's "No space left on device" and reports only an I/O failure naming its
     * file: then the disk holding that file is looked at.
     */
    private static boolean namesAFullDisk(String message) {
        if (!message.contains("IO Exception")) {
            return false;
        }
        java.util.regex.Matcher m = DATABASE_FILE.matcher(message);
        if (!m.find()) {
            return false;
        }
        try {
            java.nio.file.Path file = java.nio.file.Path.of(m.group(1));
            return java.nio.file.Files.getFileStore(file.getParent()).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * True when anything behind the failure says the device has no space left: causes, suppressed exceptions and
     * JDBC's chained "next" exceptions (where H2 puts the cause of a failed batch).
     */
    static boolean isDiskFull(Throwable e) {
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        todo.add(e);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded")
                    || namesAFullDisk(m))) {
                return true;
            }
            // ArrayDeque takes no nulls: a missing cause or next exception is simply not followed (adding it threw a
            // NullPointerException here, which hid every disk-full failure of a commit behind "NullPointerException").
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(java.util.Arrays.asList(t.getSuppressed()));
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return false;
    }
}
