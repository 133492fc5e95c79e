package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.samples.SampleDerivation;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.DeriveSamples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `lrw samples`: derives the samples and fixes the 80/20 train/test split (once per project). */
@Command(name = "samples", mixinStandardHelpOptions = true,
        description = {"Derive the samples (candidate + up to 5 earlier products per consumer, in time order) "
                + "and fix the per-consumer 80/20 train/test split.",
                "Samples are derived once; later runs report them unchanged (or finish an interrupted derivation). "
                        + "`lrw generate` derives them when missing."})
public final class SamplesCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--rederive", description = "Delete the samples and derive them again; refused once "
            + "explanations or other results refer to them.")
    boolean rederive;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Project p = project.open()) {
            SampleDerivation d = ConsoleProgress.run(DeriveSamples.job(p, rederive),
                    spec.commandLine().getErr());
            PrintWriter out = spec.commandLine().getOut();
            out.println("samples: " + d.counts().describe());
            if (d.derivedNow()) {
                out.println(String.format(Locale.ROOT, "derived in %.1f s (%.0f samples/s)", d.seconds(),
                        d.seconds() > 0 ? d.counts().total() / d.seconds() : Double.NaN));
            } else {
                out.println("already derived: the split is fixed (--rederive derives again while nothing refers to them)");
            }
        }
        return 0;
    }
}
