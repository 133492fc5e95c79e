package dev.lrrecsys.workbench.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did: counts, the rows it rejected (with --skip-bad-rows), the restaurants/products it
 * skipped on purpose, notes for the user, and the rejects file if one was written.
 */
public record ImportResult(long consumers, long products, long interactions, long rejected, long productsSkipped,
                           List<String> notes, Path rejectsFile) {

    public ImportResult {
        notes = List.copyOf(notes);
    }
}
