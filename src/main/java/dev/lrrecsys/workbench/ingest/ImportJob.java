package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.DatasetWriter;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Imports one dataset into an empty project, all or nothing: everything is written in one transaction,
 * so any error (a bad row without --skip-bad-rows, a cancel, a full disk) leaves the project as it was.
 * With --skip-bad-rows the bad rows go to exports/rejects-&lt;time&gt;.csv instead.
 */
public final class ImportJob implements Job<ImportResult> {

    private final Database database;
    private final Path exportsDir;
    private final ImportRequest request;

    public ImportJob(Database database, Path exportsDir, ImportRequest request) {
        this.database = database;
        this.exportsDir = exportsDir;
        this.request = request;
    }

    @Override
    public String title() {
        return "Import " + request.format().id();
    }

    @Override
    public ImportResult run(TaskContext context) throws IOException {
        FormatReader reader = FormatReader.forRequest(request);
        RatingScale scale = reader.defaultScale().override(request.ratingMin(), request.ratingMax(), request.highThreshold());
        List<Path> files = reader.inputFiles();
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += Files.size(f);
        }
        String source = request.paths().stream().map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(", "));
        RejectsFile rejects = new RejectsFile(exportsDir);
        long total = totalBytes;
        boolean[] keepRejects = {false};
        try {
            ImportResult result = database.inTransaction(tx -> {
                DatasetRepository datasets = new DatasetRepository();
                var existing = datasets.find(tx);
                if (existing.isPresent() || !datasets.isEmpty(tx)) {
                    throw new WorkbenchException("this project already holds a dataset"
                            + existing.map(d -> " (" + d.name() + ", " + d.format() + ")").orElse("")
                            + ": create a new project to import another one");
                }
                ImportTarget target;
                try (DatasetWriter writer = new DatasetWriter(tx)) {
                    target = new ImportTarget(writer, scale, request.skipBadRows(), request.duplicates(), rejects, context, total);
                    reader.read(target);
                    target.finish();
                }
                rejects.close();
                if (target.interactions() == 0) {
                    keepRejects[0] = true;
                    throw new WorkbenchException("nothing imported: no valid ratings in " + source
                            + (target.rejected() > 0 ? " (" + target.rejected() + " rows rejected, see " + rejects.path() + ")" : ""));
                }
                datasets.save(tx, new DatasetInfo(datasetName(), request.format().id(), reader.domain(), clip(source, 4000),
                        scale.min(), scale.max(), scale.highThreshold(), target.hasTime(), OffsetDateTime.now()));
                String notes = String.join("; ", target.notes());
                datasets.logImport(tx, request.format().id(), clip(source, 4000), target.interactions(), target.rejected(),
                        target.productsSkipped(), notes.isEmpty() ? null : clip(notes, 4000));
                return new ImportResult(target.consumers(), target.products(), target.interactions(), target.rejected(),
                        target.productsSkipped(), target.notes(), rejects.path());
            });
            context.progress(total, total, "imported " + result.interactions() + " interactions");
            return result;
        } catch (RuntimeException e) {
            if (keepRejects[0]) {
                rejects.close();
            } else {
                rejects.discard();
            }
            throw e;
        }
    }

    /** The first path's file or folder name; a folder called "data" is named after the folder that holds it. */
    private String datasetName() {
        Path first = request.paths().get(0).toAbsolutePath().normalize();
        if (first.getFileName() != null && first.getFileName().toString().equals("data") && first.getParent() != null
                && first.getParent().getFileName() != null) {
            first = first.getParent();
        }
        return clip(first.getFileName() == null ? first.toString() : first.getFileName().toString(), 200);
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width);
    }
}
