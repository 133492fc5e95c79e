package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `lrw project ...`: project folder management. */
@Command(name = "project", mixinStandardHelpOptions = true, description = "Create project folders.",
        subcommands = ProjectCommand.Create.class)
public final class ProjectCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** `lrw project create DIR`. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a new, empty project folder with its database (workbench.mv.db).")
    static final class Create implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "The folder to create (may exist if empty of projects).")
        Path dir;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Project project = Project.create(dir)) {
                spec.commandLine().getOut().println("created: " + project.dir());
            }
            return 0;
        }
    }
}
