package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.ingest.ImportJob;
import dev.lrrecsys.workbench.ingest.ImportRequest;
import dev.lrrecsys.workbench.ingest.ImportResult;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.project.SampleProjects;
import dev.lrrecsys.workbench.task.CancelledException;
import dev.lrrecsys.workbench.task.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Builds the database of a sample folder (data files plus {@value SampleProjects#MARKER}) by importing its data,
 * with the import's progress and cancel. A failed or cancelled build removes the half-made database, so the next
 * open builds it cleanly.
 */
final class SampleBuild {

    private static final Logger LOG = LoggerFactory.getLogger(SampleBuild.class);

    private SampleBuild() {
    }

    /** True when the folder is a sample whose database has not been built yet. */
    static boolean needed(Path dir) {
        return !Project.exists(dir) && SampleProjects.isSample(dir);
    }

    static Project build(Path sampleDir, TaskContext context) {
        Path dir = sampleDir.toAbsolutePath().normalize();
        Properties marker = marker(dir);
        ImportFormat format = ImportFormat.fromId(marker.getProperty("format", "").strip());
        Path data = dataFolder(dir, marker.getProperty("data", "data").strip());
        if (!Files.isWritable(dir)) {
            throw new WorkbenchException("The sample " + dir + " is in a read-only folder: copy it to a folder of yours first"
                    + " (the window's 'Open sample' does that).");
        }
        LOG.info("Building the sample project {} from {}", dir, data);
        context.message("Building the sample's database from its data (first open)");
        Project project = Project.create(dir);
        try {
            ImportResult r = new ImportJob(project.database(), project.exportsDir(), ImportRequest.of(format, data)).run(context);
            LOG.info("Sample {} built: {} consumers, {} products, {} interactions", dir.getFileName(), r.consumers(),
                    r.products(), r.interactions());
            return project;
        } catch (CancelledException e) {
            discard(project, dir);
            throw e;
        } catch (Exception e) {
            discard(project, dir);
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new WorkbenchException("Cannot build the sample project " + dir + ": " + why, e);
        }
    }

    /** The data folder named in the marker; it must stay inside the sample folder (no absolute path, no "..") */
    static Path dataFolder(Path dir, String named) {
        Path data = dir.resolve(named).normalize();
        boolean inside = !Path.of(named).isAbsolute() && data.startsWith(dir) && !data.equals(dir);
        if (inside && Files.exists(data)) {
            try {
                inside = data.toRealPath().startsWith(dir.toRealPath());
            } catch (IOException e) {
                inside = false;
            }
        }
        if (!inside) {
            throw new WorkbenchException("The sample's data folder '" + named + "' (" + SampleProjects.MARKER
                    + ") must be a folder inside " + dir + ".");
        }
        return data;
    }

    private static Properties marker(Path dir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(SampleProjects.MARKER), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read " + dir.resolve(SampleProjects.MARKER) + ": " + e.getMessage(), e);
        }
        return p;
    }

    private static void discard(Project project, Path dir) {
        project.close();
        for (String suffix : new String[] {".mv.db", ".trace.db"}) {
            try {
                Files.deleteIfExists(dir.resolve(Project.DB_BASE_NAME + suffix));
            } catch (IOException e) {
                LOG.warn("Could not remove the half-built database {}: {}", dir, e.getMessage());
            }
        }
    }
}
