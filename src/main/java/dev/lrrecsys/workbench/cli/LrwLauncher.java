package dev.lrrecsys.workbench.cli;

import picocli.CommandLine;

/**
 * The jar's entry point. It does not extend JavaFX's Application (a plain jar cannot start one directly);
 * it hands the arguments to the picocli command tree. With no arguments it opens the window where there is a
 * display and otherwise runs the main job headless (`lrw demo`), so the README's one command works on a desktop
 * and on a CI machine alike.
 */
public final class LrwLauncher {

    static final String NO_DISPLAY = "No display found: running the main job headless (lrw demo) instead; "
            + "`lrw ui` needs a display";

    private LrwLauncher() {
    }

    public static void main(String[] args) {
        OffHeapBudget.apply();
        System.setOut(Nd4jNoiseFilter.wrap(System.out));
        System.exit(run(LrwCommand.commandLine(), Display.current(), args));
    }

    /** Runs one command line on {@code cl} and returns its exit code; no arguments pick `ui` or `demo`. */
    static int run(CommandLine cl, Display display, String... args) {
        if (args.length > 0) {
            return cl.execute(args);
        }
        if (display.available()) {
            return cl.execute("ui");
        }
        cl.getErr().println(NO_DISPLAY);
        cl.getErr().flush();
        return cl.execute("demo");
    }
}
