package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.insight.ExplanationQuality;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.MeasureQuality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `lrw quality`: redundancy, spuriousness and factors per explanation of stored explanations (docs/factors.md). */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"Measure stored explanation pairs: redundancy, spuriousness, factors per explanation and, on "
                + "synthetic worlds, driver precision and recall against the hidden preferences (docs/factors.md)."})
public final class QualityCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--generator", defaultValue = "offline", paramLabel = "G",
            description = "Whose explanations (default: ${DEFAULT-VALUE}).")
    String generator;

    @Option(names = "--variant", defaultValue = "contrastive", paramLabel = "V",
            description = "Which variant, e.g. contrastive or concise (default: ${DEFAULT-VALUE}).")
    String variant;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MeasureQuality.Settings settings = new MeasureQuality.Settings(generator, variant);
        try (Project p = project.open()) {
            ExplanationQuality.Figures f = MeasureQuality.measure(p, settings);
            PrintWriter out = spec.commandLine().getOut();
            out.println("explanations: " + f.explanations() + " (" + f.pairs() + " samples; " + settings.generator() + ", "
                    + settings.variant() + ")");
            out.printf(Locale.ROOT, "redundancy: %.4f%n", f.redundancy());
            out.printf(Locale.ROOT, "spuriousness: %.4f%n", f.spuriousness());
            out.printf(Locale.ROOT, "factors per explanation: %.2f%n", f.factorsPerExplanation());
            if (f.groundTruth()) {
                out.printf(Locale.ROOT, "driver precision: %.4f%n", f.driverPrecision());
                out.printf(Locale.ROOT, "driver recall: %.4f%n", f.driverRecall());
            }
        }
        return 0;
    }
}
