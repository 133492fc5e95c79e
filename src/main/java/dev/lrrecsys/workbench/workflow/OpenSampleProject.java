package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.project.SampleProjects;
import dev.lrrecsys.workbench.task.Job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * "Open sample project": the installed (possibly read-only) restaurant sample is copied once to a writable folder,
 * whose database is built from the data on first open (an import, with progress and cancel), then opened.
 */
public final class OpenSampleProject {

    public static final String SAMPLE = "restaurant-consumer";

    /**
     * @param sample the installed sample folder, or null when this installation has none
     * @param copy   the writable copy that is built and opened
     */
    public record Settings(Path sample, Path copy) {

        public Settings {
            if (copy == null) {
                throw new InvalidSettingException("project folder", "project folder must be given.");
            }
            sample = sample == null ? null : sample.toAbsolutePath().normalize();
            copy = copy.toAbsolutePath().normalize();
        }

        /**
         * The installed sample, copied to {@code <lrw.home>/projects/restaurant-consumer} ({@code lrw.home} defaults
         * to ~/.lrw): what the window's "Open sample project" uses.
         */
        public static Settings forThisInstall() {
            Path home = Path.of(System.getProperty("lrw.home", Path.of(System.getProperty("user.home"), ".lrw").toString()));
            return new Settings(installedSample().orElse(null), home.resolve("projects").resolve(SAMPLE));
        }

        public Settings withSample(Path other) {
            return new Settings(other, copy);
        }

        public Settings withCopy(Path other) {
            return new Settings(sample, other);
        }

        /** Null when the sample can be opened; otherwise why not. */
        public String unavailableReason() {
            if (sample == null && !Project.exists(copy) && !SampleProjects.isSample(copy)) {
                return "The sample project is not installed with this copy of the workbench (no sample-projects/" + SAMPLE
                        + " next to it): open a project or import a dataset instead.";
            }
            return null;
        }

        /** True when the copy has yet to be made (the job will copy the sample first). */
        public boolean needsCopy() {
            return !Project.exists(copy) && !SampleProjects.isSample(copy);
        }
    }

    private OpenSampleProject() {
    }

    /** The installed restaurant sample folder (read-only perhaps). */
    public static Optional<Path> installedSample() {
        return InstalledSample.find(SAMPLE);
    }

    /** Copies the sample if needed, builds its database if needed, and returns the opened project (the caller closes it). */
    public static Job<Project> job(Settings settings) {
        String reason = settings.unavailableReason();
        if (reason != null) {
            throw new WorkbenchException(reason);
        }
        return new WorkflowJob<>("Open sample project " + settings.copy().getFileName(), context -> {
            Path copy = settings.copy();
            if (settings.needsCopy()) {
                context.message("Copying the sample to " + copy);
                Files.createDirectories(copy.getParent());
                SampleProjects.copyTo(settings.sample(), copy);
            }
            return SampleBuild.needed(copy) ? SampleBuild.build(copy, context) : Project.open(copy);
        });
    }
}
