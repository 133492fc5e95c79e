package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.ui.WorkbenchApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `lrw ui [--project DIR]`: opens the workbench window (also what `lrw` with no arguments does). */
@Command(name = "ui", mixinStandardHelpOptions = true, description = "Open the workbench window.")
public final class UiCommand implements Callable<Integer> {

    @Option(names = {"-p", "--project"}, paramLabel = "DIR", description = "A project folder to open at start.")
    Path project;

    @Override
    public Integer call() {
        if (!hasDisplay()) {
            throw new WorkbenchException("No display to open the window on (DISPLAY is not set): run the workbench in a "
                    + "desktop session, or use the headless commands (lrw --help).");
        }
        if (project == null) {
            WorkbenchApp.launchWindow();
        } else {
            WorkbenchApp.launchWindow("--project", project.toString());
        }
        return 0;
    }

    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean x11 = os.contains("linux") || os.contains("bsd");
        return !x11 || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                || "Monocle".equals(System.getProperty("glass.platform"));
    }
}
