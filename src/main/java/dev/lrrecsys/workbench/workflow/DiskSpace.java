package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Free space checked against an estimate before a large job starts, so that a full disk stops it before it
 * writes rather than in the middle of H2's commit (where whether the change was kept is unclear).
 */
final class DiskSpace {

    /**
     * H2 appends while an import's one transaction runs and shrinks the file only on close: measured 79 times
     * the CSV's size at 100k rows (187 MB for 2.36 MB) and 305 times at 1M rows. The estimate takes 100 times the
     * input, at least 64 MB: an estimate, not a bound, for inputs far beyond 100k rows.
     */
    static final long IMPORT_GROWTH = 100;
    private static final long MIN_BYTES = 64L << 20;

    private DiskSpace() {
    }

    /** Bytes an import of these files (or folders of files) needs while it runs. */
    static long importNeeds(List<Path> inputs) {
        return Math.max(MIN_BYTES, ImportDataset.inputBytes(inputs) * IMPORT_GROWTH);
    }

    /** Refuses to start {@code what} when the disk holding {@code dir} has less than {@code needed} bytes free. */
    static void require(Path dir, long needed, String what) {
        long free;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return;
        }
        if (free < needed) {
            throw new WorkbenchException(String.format(Locale.ROOT, "Not enough disk space for %s: it needs about %s "
                    + "while it runs (the file shrinks again when the project closes), and the disk holding %s has %s "
                    + "free. Nothing was changed; free some space or move the project.", what, mb(needed), dir, mb(free)));
        }
    }

    /** The free space of the disk holding {@code dir}, as "N MB" ("unknown" when it cannot be read). */
    static String freeText(Path dir) {
        try {
            return mb(Files.getFileStore(dir).getUsableSpace());
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }
}
