package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sample project folders (sample-projects/*): data files plus a {@value #MARKER} naming their format and
 * data folder, and no database. The database is built from the data the first time the folder is opened
 * (workflow.OpenSampleProject), so no binary database is ever committed.
 */
public final class SampleProjects {

    public static final String MARKER = "sample.properties";

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
}
