package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.Project;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The `--project DIR` option shared by every command that works on a project. */
public final class ProjectOption {

    @Option(names = {"-p", "--project"}, required = true, paramLabel = "DIR",
            description = "The project folder (holds workbench.mv.db).")
    Path dir;

    public Project open() {
        return Project.open(dir);
    }

    public Path dir() {
        return dir;
    }
}
