package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.ingest.DuplicatePolicy;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.ingest.ImportJob;
import dev.lrrecsys.workbench.ingest.ImportRequest;
import dev.lrrecsys.workbench.ingest.ImportResult;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.Job;

import java.nio.file.Path;
import java.util.List;

/** "Import dataset": reads a dataset into the open (empty) project, all or nothing unless bad rows are skipped. */
public final class ImportDataset {

    /**
     * What to import. Null rating bounds keep the format's own scale; a null mapping is only right for formats
     * other than csv (the import says so); null duplicates refuses duplicate rows.
     */
    public record Settings(ImportFormat format, List<Path> paths, boolean skipBadRows, boolean restaurantsOnly,
                           Path mapping, Double ratingMin, Double ratingMax, Double highThreshold,
                           DuplicatePolicy duplicates) {

        public Settings {
            InvalidSettingException.require(format != null, "format", "format must be chosen.");
            InvalidSettingException.require(paths != null && !paths.isEmpty(), "path",
                    "Choose the file or folder to import.");
            paths = List.copyOf(paths);
            duplicates = duplicates == null ? DuplicatePolicy.REFUSE : duplicates;
        }

        /** A strict import with the format's own scale: the defaults of both front ends. */
        public static Settings of(ImportFormat format, List<Path> paths) {
            return new Settings(format, paths, false, false, null, null, null, null, DuplicatePolicy.REFUSE);
        }

        public Settings withSkipBadRows(boolean skip) {
            return new Settings(format, paths, skip, restaurantsOnly, mapping, ratingMin, ratingMax, highThreshold, duplicates);
        }

        public Settings withRestaurantsOnly(boolean only) {
            return new Settings(format, paths, skipBadRows, only, mapping, ratingMin, ratingMax, highThreshold, duplicates);
        }

        public Settings withMapping(Path file) {
            return new Settings(format, paths, skipBadRows, restaurantsOnly, file, ratingMin, ratingMax, highThreshold, duplicates);
        }

        public Settings withScale(Double min, Double max, Double high) {
            return new Settings(format, paths, skipBadRows, restaurantsOnly, mapping, min, max, high, duplicates);
        }

        public Settings withDuplicates(DuplicatePolicy policy) {
            return new Settings(format, paths, skipBadRows, restaurantsOnly, mapping, ratingMin, ratingMax, highThreshold, policy);
        }

        ImportRequest request() {
            return new ImportRequest(format, paths, skipBadRows, restaurantsOnly, mapping, ratingMin, ratingMax, highThreshold, duplicates);
        }
    }

    private ImportDataset() {
    }

    public static Job<ImportResult> job(Project project, Settings settings) {
        ImportJob importing = new ImportJob(project.database(), project.exportsDir(), settings.request());
        return new WorkflowJob<>(importing.title(), context -> {
            DiskSpace.require(project.dir(), DiskSpace.importNeeds(settings.paths()), "the import");
            return importing.run(context);
        });
    }
}
