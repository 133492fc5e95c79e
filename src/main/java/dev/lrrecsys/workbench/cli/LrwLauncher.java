package dev.lrrecsys.workbench.cli;

import picocli.CommandLine;

/**
 * The jar's entry point. It does not extend JavaFX's Application (a plain jar cannot start one directly);
 * it hands the arguments to the picocli command tree.
 */
public final class LrwLauncher {

    private LrwLauncher() {
    }

    public static void main(String[] args) {
        System.setOut(Nd4jNoiseFilter.wrap(System.out));
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code (for tests and child processes). */
    public static int run(String... args) {
        // No arguments (a double-click, `mvn javafx:run`): open the window.
        return LrwCommand.commandLine().execute(args.length == 0 ? new String[]{"ui"} : args);
    }
}
