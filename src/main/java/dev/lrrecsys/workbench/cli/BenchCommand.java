package dev.lrrecsys.workbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `lrw bench ...`: speed and memory benchmarks (figures, never timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: each prints its figures, the headline figure last.",
        subcommands = {BenchImportCommand.class, BenchGenerateCommand.class, BenchPoolCommand.class, BenchTrainCommand.class,
                BenchKeywordsCommand.class, BenchViewsCommand.class, BenchSizeCommand.class, BenchCaseCommand.class,
                BenchFactorsCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
