package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.OpenProject;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** The `--project DIR` option shared by every command that works on a project. */
public final class ProjectOption {

    @Option(names = {"-p", "--project"}, required = true, paramLabel = "DIR",
            description = "The project folder (holds workbench.mv.db).")
    Path dir;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Opens the project; a sample folder not built yet is built first, with progress on stderr (Ctrl-C cancels). */
    public Project open() {
        return ConsoleProgress.run(OpenProject.job(dir), command.commandLine().getErr());
    }

    public Path dir() {
        return dir;
    }
}
