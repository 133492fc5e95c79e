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
        // Monocle (the UI tests' headless platform) draws without a display.
        if (!Display.current().available() && !"Monocle".equals(System.getProperty("glass.platform"))) {
            throw new WorkbenchException("No display to open the window on (DISPLAY is not set): run the workbench in a "
                    + "desktop session, or use the headless commands (lrw demo, lrw --help).");
        }
        if (project == null) {
            WorkbenchApp.launchWindow();
        } else {
            WorkbenchApp.launchWindow("--project", project.toString());
        }
        return 0;
    }
}
