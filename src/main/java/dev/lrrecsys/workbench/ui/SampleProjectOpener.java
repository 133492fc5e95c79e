package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.project.SampleProjects;
import dev.lrrecsys.workbench.task.Job;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens the bundled restaurant sample: the installed (possibly read-only) sample folder is copied once to
 * ~/.lrw/projects/restaurant-consumer, whose database is built from the data on first open.
 */
public final class SampleProjectOpener implements MainWindowView.Sample {

    public static final String SAMPLE = "restaurant-consumer";

    private final Path installed;
    private final Path workspace;

    public SampleProjectOpener(Path installed, Path workspace) {
        this.installed = installed;
        this.workspace = workspace;
    }

    /**
     * Looks for sample-projects/ next to the application (app image), next to the jar (target/lrw), then in the
     * working folder (a source checkout); {@code lrw.samples} and {@code lrw.home} override both places.
     */
    public static SampleProjectOpener forThisInstall() {
        Path home = Path.of(System.getProperty("lrw.home", Path.of(System.getProperty("user.home"), ".lrw").toString()));
        return new SampleProjectOpener(installedSample().orElse(null), home.resolve("projects"));
    }

    /** The installed restaurant sample folder (read-only perhaps), searched in the places named above. */
    public static Optional<Path> installedSample() {
        return candidates().stream().map(root -> root.resolve(SAMPLE)).filter(SampleProjects::isSample).findFirst();
    }

    private static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String explicit = System.getProperty("lrw.samples");
        if (explicit != null) {
            out.add(Path.of(explicit));
        }
        String appPath = System.getProperty("jpackage.app-path");
        if (appPath != null) {
            Path app = Path.of(appPath).toAbsolutePath().getParent();
            out.add(app.resolve("../lib/app/sample-projects").normalize());
            out.add(app.resolve("sample-projects"));
        }
        try {
            Path jar = Path.of(SampleProjectOpener.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(jar) ? jar : jar.getParent();
            out.add(dir.resolve("sample-projects"));
            out.add(dir.resolve("../sample-projects").normalize());
            out.add(dir.resolve("../../sample-projects").normalize());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // No code source location (unusual class loader): the other places still apply.
        }
        out.add(Path.of("sample-projects").toAbsolutePath());
        return out;
    }

    /** Where the writable copy lives. */
    public Path copyLocation() {
        return workspace.resolve(SAMPLE);
    }

    @Override
    public String unavailableReason() {
        if (installed == null && !Project.exists(copyLocation()) && !SampleProjects.isSample(copyLocation())) {
            return "The sample project is not installed with this copy of the workbench (no sample-projects/" + SAMPLE
                    + " next to it): open a project or import a dataset instead.";
        }
        return null;
    }

    @Override
    public Job<Project> openJob() {
        return new NamedJob<>("Open sample project " + SAMPLE, context -> {
            Path copy = copyLocation();
            if (!Project.exists(copy) && !SampleProjects.isSample(copy)) {
                context.message("Copying the sample to " + copy);
                Files.createDirectories(workspace);
                SampleProjects.copyTo(installed, copy);
            }
            if (!Project.exists(copy)) {
                context.message("Building the sample's database from its data (first open)");
            }
            return Project.open(copy);
        });
    }
}
