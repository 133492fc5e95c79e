package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.ingest.DuplicatePolicy;
import dev.lrrecsys.workbench.store.DatasetBrowseRepository;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.StoreException;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.ingest.ImportJob;
import dev.lrrecsys.workbench.ingest.ImportRequest;
import dev.lrrecsys.workbench.ingest.ImportResult;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.Job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(ImportDataset.class);

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
            long needs = DiskSpace.importNeeds(settings.paths());
            DiskSpace.require(project.dir(), needs, "the import");
            try {
                return importing.run(context);
            } catch (StoreException e) {
                if (e.commitOutcomeUnknown()) {
                    throw settle(project, needs, e);
                }
                throw e;
            }
        });
    }

    /**
     * The disk filled up during the import's commit, where H2 may or may not have written it: the file is read again
     * as the next open will find it, writing nothing (so a full disk does not stop it), to say which, with the space an
     * import needs.
     */
    static WorkbenchException settle(Project project, long needs, StoreException failure) {
        java.util.Optional<Long> kept;
        try {
            kept = project.readBackAfterFailedCommit(tx -> new DatasetRepository().find(tx).isPresent()
                    ? java.util.Optional.of(new DatasetBrowseRepository().counts(tx).get("interactions"))
                    : java.util.Optional.<Long>empty());
        } catch (RuntimeException unreadable) {
            LOG.warn("Could not read {} back after the failed commit", project.dir().resolve(Project.DB_FILE_NAME),
                    unreadable);
            return new WorkbenchException(failure.getMessage() + " Reading the file back right away failed: "
                    + unreadable.getMessage(), failure);
        }
        String free = DiskSpace.freeText(project.dir());
        String message = kept.isPresent()
                ? "The disk filled up while the import was being committed, but the import was kept: the project "
                + "holds its " + kept.get() + " interactions (read back from " + project.dir().resolve(Project.DB_FILE_NAME)
                + " after the failure). Free some space before the next job (the disk holding " + project.dir()
                + " has " + free + " free), then open the project again."
                : "The disk filled up while the import was being committed, and the import was not kept: the project is "
                + "as it was before it (read back from " + project.dir().resolve(Project.DB_FILE_NAME) + " after the "
                + "failure). The import needs about " + DiskSpace.mb(needs) + " free while it runs and the disk holding "
                + project.dir() + " has " + free + ": free some space, open the project again and import again.";
        return new WorkbenchException(message, failure);
    }
}
