package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.ingest.ImportJob;
import dev.lrrecsys.workbench.ingest.ImportRequest;
import dev.lrrecsys.workbench.ingest.ImportResult;
import dev.lrrecsys.workbench.task.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Sample project folders (sample-projects/*): data files plus a {@value #MARKER} naming their format and
 * data folder, and no database. The database is built from the data the first time the folder is opened,
 * so no binary database is ever committed.
 */
public final class SampleProjects {

    public static final String MARKER = "sample.properties";
    private static final Logger LOG = LoggerFactory.getLogger(SampleProjects.class);

    private SampleProjects() {
    }

    /** True when the folder is a sample (it has a {@value #MARKER}). */
    public static boolean isSample(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER));
    }

    /** The sample folders directly under a root such as sample-projects/. */
    public static List<Path> list(Path root) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.list(root)) {
            s.filter(SampleProjects::isSample).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot list the samples in " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Creates the project database of a sample folder and imports its data. If the import fails the
     * half-made database is removed, so the next open tries again.
     */
    public static Project build(Path sampleDir, TaskContext context) {
        Path dir = sampleDir.toAbsolutePath().normalize();
        Properties marker = marker(dir);
        ImportFormat format = ImportFormat.fromId(marker.getProperty("format", "").strip());
        Path data = dir.resolve(marker.getProperty("data", "data").strip());
        if (!Files.isWritable(dir)) {
            throw new WorkbenchException("The sample " + dir + " is in a read-only folder: copy it to a folder of yours first"
                    + " (the window's 'Open sample' does that).");
        }
        LOG.info("Building the sample project {} from {}", dir, data);
        Project project = Project.create(dir);
        try {
            ImportResult r = new ImportJob(project.database(), project.exportsDir(), ImportRequest.of(format, data)).run(context);
            LOG.info("Sample {} built: {} consumers, {} products, {} interactions", dir.getFileName(), r.consumers(),
                    r.products(), r.interactions());
            return project;
        } catch (Exception e) {
            project.close();
            deleteDatabase(dir);
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new WorkbenchException("Cannot build the sample project " + dir + ": " + why, e);
        }
    }

    /**
     * Copies a sample's files (not its database, models or exports) into a new folder, e.g. from a read-only
     * installation into the user's documents; opening the copy builds its database.
     */
    public static Path copyTo(Path sampleDir, Path target) {
        Path from = sampleDir.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        if (!isSample(from)) {
            throw new WorkbenchException(from + " is not a sample project (it has no " + MARKER + ")");
        }
        if (Files.exists(to) && !isEmptyFolder(to)) {
            throw new WorkbenchException("Cannot copy the sample to " + to + ": the folder exists and is not empty.");
        }
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                    Path rel = from.relativize(d);
                    if (rel.toString().equals("models") || rel.toString().equals("exports")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(to.resolve(rel.toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    String name = f.getFileName().toString();
                    if (!name.endsWith(".mv.db") && !name.endsWith(".trace.db") && !name.endsWith(".lock.db")) {
                        Files.copy(f, to.resolve(from.relativize(f).toString()));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new WorkbenchException("Cannot copy the sample to " + to + ": " + e.getMessage(), e);
        }
        return to;
    }

    private static boolean isEmptyFolder(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties marker(Path dir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(MARKER), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read " + dir.resolve(MARKER) + ": " + e.getMessage(), e);
        }
        return p;
    }

    private static void deleteDatabase(Path dir) {
        for (String suffix : new String[] {".mv.db", ".trace.db"}) {
            try {
                Files.deleteIfExists(dir.resolve(Project.DB_BASE_NAME + suffix));
            } catch (IOException e) {
                LOG.warn("Could not remove the half-built database {}: {}", dir, e.getMessage());
            }
        }
    }
}
