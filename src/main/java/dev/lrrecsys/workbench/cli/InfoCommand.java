package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ProjectInfoRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** `lrw info --project DIR`: one `key: value` line per fact about the project. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print what a project holds, as `key: value` lines.")
public final class InfoCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Project p = project.open()) {
            Map<String, String> summary = p.database().read(tx -> new ProjectInfoRepository().summary(tx));
            PrintWriter out = spec.commandLine().getOut();
            out.println("project: " + p.dir());
            summary.forEach((k, v) -> out.println(k + ": " + v));
        }
        return 0;
    }
}
