package dev.lrrecsys.workbench.store;

import dev.lrrecsys.workbench.WorkbenchException;

import org.h2.api.ErrorCode;
import org.h2.mvstore.MVStoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

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

    /** As {@link #of(Exception, boolean, Path)} where the database file's folder is not known. */
    public static StoreException of(Exception e, boolean duringCommit) {
        return of(e, duringCommit, -1L);
    }

    /**
     * The user-facing form of an SQL failure; a full disk is named as such (H2 says only "IO Exception", "This store
     * is closed" or "The database has been closed").
     *
     * @param duringCommit the failure came from the commit itself: then H2 may have written the change before it
     *                     failed, and only the next open can tell
     * @param databaseDir  the folder of the database file (null: unknown): when H2 failed to store, its disk is looked
     *                     at
     */
    public static StoreException of(Exception e, boolean duringCommit, Path databaseDir) {
        return of(e, duringCommit, usableBytes(databaseDir));
    }

    /** As {@link #of(Exception, boolean, Path)} with the usable bytes of the database's disk (-1: unknown). */
    static StoreException of(Exception e, boolean duringCommit, long usableBytes) {
        if (!isDiskFull(e, usableBytes)) {
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

    /**
     * Below this much usable space on the database file's disk, a failure of H2 to store is a full disk: H2 writes in
     * chunks of up to a few megabytes, so a write that did not fit can leave that much unused.
     */
    static final long NEARLY_FULL_BYTES = 16L << 20;
    /** Error codes H2 gives when it could not write its file (directly, or on a later statement once it closed itself). */
    private static final Set<Integer> STORAGE_FAILURES = Set.of(ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2,
            ErrorCode.DATABASE_IS_CLOSED, ErrorCode.GENERAL_ERROR_1);

    /** The usable space of the disk holding {@code dir}; -1 when unknown. */
    private static long usableBytes(Path dir) {
        if (dir == null) {
            return -1;
        }
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * True when the disk holding the database is full: H2 failed to store (an I/O error or a store it closed after
     * one) and that disk has almost no usable space left ({@code usableBytes}, -1 when unknown), or, whatever the
     * disk, anything behind the failure says the device has no space left (H2 often drops that text, so it is only
     * an extra hint). Looks through causes, suppressed exceptions and JDBC's chained "next" exceptions (where H2 puts
     * the cause of a failed batch).
     */
    static boolean isDiskFull(Throwable e, long usableBytes) {
        boolean storageFailure = false;
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        todo.add(e);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return true;
            }
            storageFailure |= t instanceof IOException || t instanceof MVStoreException
                    || t instanceof SQLException sql && STORAGE_FAILURES.contains(sql.getErrorCode())
                    || m != null && (m.contains("This store is closed") || m.contains("IO Exception"));
            // ArrayDeque takes no nulls: a missing cause or next exception is simply not followed (adding it threw a
            // NullPointerException here, which hid every disk-full failure of a commit behind "NullPointerException").
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(Arrays.asList(t.getSuppressed()));
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return storageFailure && usableBytes >= 0 && usableBytes < NEARLY_FULL_BYTES;
    }
}
