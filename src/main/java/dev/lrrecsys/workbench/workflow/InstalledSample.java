package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.project.SampleProjects;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the restaurant sample installed with the workbench: sample-projects/ next to the application (app image),
 * next to the jar (target/lrw), then in the working folder (a source checkout); {@code lrw.samples} overrides.
 */
final class InstalledSample {

    private InstalledSample() {
    }

    static Optional<Path> find(String name) {
        return candidates().stream().map(root -> root.resolve(name)).filter(SampleProjects::isSample).findFirst();
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
            Path jar = Path.of(InstalledSample.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
}
