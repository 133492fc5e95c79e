package dev.lrrecsys.workbench.cli;

import picocli.CommandLine.Command;

/** `lrw bench ...`: speed measurements that print their figures (never run as unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and print the figures.",
        subcommands = {BenchKeywordsCommand.class, BenchViewsCommand.class})
public final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
