package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an import does with two rows of the same consumer, product and time (or, without times, the same
 * consumer and product): they would give a sample whose history holds its own candidate, so by default
 * the import is refused and the user chooses.
 */
public enum DuplicatePolicy {
    /** Fail the import, naming both lines. */
    REFUSE("refuse"),
    /** Keep the last row's rating (and details). */
    KEEP_LAST("keep-last"),
    /** Keep one row rated with the mean of all the duplicates' ratings (details from the last). */
    MEAN("mean");

    private final String id;

    DuplicatePolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static DuplicatePolicy fromId(String id) {
        for (DuplicatePolicy p : values()) {
            if (p.id.equalsIgnoreCase(id.strip())) {
                return p;
            }
        }
        throw new WorkbenchException("unknown --duplicates value '" + id + "': use one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(DuplicatePolicy::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
