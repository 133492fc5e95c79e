package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.ingest.DuplicatePolicy;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.ingest.ImportJob;
import dev.lrrecsys.workbench.ingest.ImportRequest;
import dev.lrrecsys.workbench.ingest.ImportResult;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.Job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** "Import dataset": reads a dataset into the open (empty) project, all or nothing unless bad rows are skipped. */
public final class ImportDataset {

    /**
     * What to import. Null rating bounds keep the format's own scale; a null mapping is only right for formats
     * other than csv (the import says so); null duplicates refuses duplicate rows.
     */
    public record Settings(ImportFormat format, List<Path> paths, boolean skipBadRows, boolean restaurantsOnly,
                           Path mapping, Double ratingMin, Double ratingMax, Double highThreshold,
                           DuplicatePolicy duplicates) {

        /** Duplicate rows are refused (naming both lines) unless the user chooses keep-last or mean. */
        public static final DuplicatePolicy DEFAULT_DUPLICATES = DuplicatePolicy.REFUSE;

        public Settings {
            InvalidSettingException.require(format != null, "format", "format must be chosen.");
            InvalidSettingException.require(paths != null && !paths.isEmpty(), "path",
                    "Choose the file or folder to import.");
            paths = List.copyOf(paths);
            duplicates = duplicates == null ? DEFAULT_DUPLICATES : duplicates;
        }

        /** A strict import with the format's own scale: the defaults of both front ends. */
        public static Settings of(ImportFormat format, List<Path> paths) {
            return new Settings(format, paths, false, false, null, null, null, null, DEFAULT_DUPLICATES);
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

    /** The bytes of the files an import reads (folders counted by their files; unreadable ones count 0). */
    public static long inputBytes(List<Path> inputs) {
        long bytes = 0;
        for (Path p : inputs) {
            try (Stream<Path> files = Files.isDirectory(p) ? Files.walk(p) : Stream.of(p)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    bytes += Files.size(f);
                }
            } catch (IOException e) {
                // An unreadable input is the importer's to report, with its own message.
            }
        }
        return bytes;
    }

    public static Job<ImportResult> job(Project project, Settings settings) {
        ImportJob importing = new ImportJob(project.database(), project.exportsDir(), settings.request());
        return new WorkflowJob<>(importing.title(), context -> {
            DiskSpace.require(project.dir(), DiskSpace.importNeeds(settings.paths()), "the import");
            return importing.run(context);
        });
    }
}
