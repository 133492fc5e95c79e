package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.factors.KeyFactorJob;
import dev.lrrecsys.workbench.factors.MaskTraining;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.KeyFactorRepository.FactorRow;
import dev.lrrecsys.workbench.workflow.FindKeyFactors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `lrw factors`: finds and stores the key factors (ConciseExplain's mask training) of a project. */
@Command(name = "factors", mixinStandardHelpOptions = true,
        description = {"Find the key factors of the project: a gate per candidate factor (product values, consumer "
                + "traits, their fit/clash pairs, history habits) over a small rating model trained on the training "
                + "split, the L1 penalty chosen on a validation part of it; stores the factors kept, with gate and "
                + "effect, for the whole dataset and per segment value.",
                "`lrw generate --variant concise` names only these factors. See docs/factors.md."})
public final class FactorsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--segment", paramLabel = "ATTRIBUTE",
            description = "Also find key factors per value of this consumer or product attribute (or city).")
    String segment;

    @Option(names = "--seed", defaultValue = "" + FindKeyFactors.Settings.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--show", defaultValue = "10", description = "Key factors listed per segment (default: ${DEFAULT-VALUE}).")
    int show;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FindKeyFactors.Settings settings = new FindKeyFactors.Settings(segment, seed);
        try (Project p = project.open()) {
            KeyFactorJob.Result r = ConsoleProgress.run(FindKeyFactors.job(p, settings), spec.commandLine().getErr());
            print(r, spec.commandLine().getOut(), show);
        }
        return 0;
    }

    static void print(KeyFactorJob.Result r, PrintWriter out, int show) {
        out.println("candidate factors: " + r.candidates());
        out.println("training samples: " + r.trainSamples() + " (validation: " + r.validationSamples() + ")");
        for (MaskTraining.Trial t : r.trials()) {
            out.printf(Locale.ROOT, "penalty %s: validation rmse %.4f, %d factors%n", t.penalty(), t.validationRmse(), t.kept());
        }
        out.printf(Locale.ROOT, "chosen penalty: %s (validation rmse %.4f; mean rating alone %.4f)%n", r.penalty(),
                r.validationRmse(), r.baselineRmse());
        String segmentValue = null;
        int listed = 0;
        for (FactorRow f : r.keyFactors()) {
            if (!f.segmentValue().equals(segmentValue)) {
                segmentValue = f.segmentValue();
                listed = 0;
                long n = r.keyFactors().stream().filter(x -> x.segmentValue().equals(f.segmentValue())).count();
                out.println((segmentValue.isEmpty() ? "key factors" : "segment " + segmentValue) + ": " + n);
            }
            if (listed++ < show) {
                out.printf(Locale.ROOT, "  %-48s gate %.2f  effect %+.3f  (%d samples)%n", f.label(), f.gate(), f.effect(),
                        f.samples());
            }
        }
        if (!r.skippedSegments().isEmpty()) {
            out.println("segments skipped (fewer than " + KeyFactorJob.MIN_SEGMENT_SAMPLES + " training samples): "
                    + String.join(", ", r.skippedSegments()));
        }
        out.printf(Locale.ROOT, "time: %.1f s%n", r.seconds());
    }
}
