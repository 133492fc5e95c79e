package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `lrw ui [--project DIR]`: opens the workbench window (also what `lrw` with no arguments does). */
@Command(name = "ui", mixinStandardHelpOptions = true, description = "Open the workbench window.")
public final class UiCommand implements Callable<Integer> {

    /**
     * The window's entry point. The CLI does not depend on the ui package (it stays a headless front end beside the
     * window, both over workflow), so the window is looked up by name when it is asked for.
     */
    static final String WINDOW = "dev.lrrecsys.workbench.ui.WorkbenchApp";

    @Option(names = {"-p", "--project"}, paramLabel = "DIR", description = "A project folder to open at start.")
    Path project;

    @Override
    public Integer call() throws Exception {
        // Monocle (the UI tests' headless platform) draws without a display.
        if (!Display.current().available() && !"Monocle".equals(System.getProperty("glass.platform"))) {
            throw new WorkbenchException("No display to open the window on (DISPLAY is not set): run the workbench in a "
                    + "desktop session, or use the headless commands (lrw demo, lrw --help).");
        }
        String[] args = project == null ? new String[0] : new String[] {"--project", project.toString()};
        try {
            Class.forName(WINDOW).getMethod("launchWindow", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return 0;
    }
}
