package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.AttentionAcrossRuns;
import dev.lrrecsys.workbench.evaluate.AttentionAcrossRuns.MeanSd;
import dev.lrrecsys.workbench.evaluate.AttentionReport;
import dev.lrrecsys.workbench.evaluate.AttentionSummary;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * `lrw attention`: Eq. 24's alpha_pos and alpha_neg for high and low test samples and each token's share,
 * summarised over all LR-Recsys runs of an experiment (mean, sd over runs, and the paired t-test of the
 * high-minus-low gap), or for one run with --run.
 */
@Command(name = "attention", mixinStandardHelpOptions = true,
        description = "Print mean attention on the positive and negative explanations for high and low samples, "
                + "over all lr-recsys runs of an experiment (or one run).")
public final class AttentionCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "R", description = "One run only (any model with attention weights).")
    Long run;

    @Option(names = "--experiment", paramLabel = "E",
            description = "The experiment whose lr-recsys runs to summarise (default: the one of the last lr-recsys "
                    + "run with attention weights).")
    Long experiment;

    @Override
    public Integer call() {
        if (run != null && experiment != null) {
            throw new WorkbenchException("Choose either --run (one run) or --experiment (all its lr-recsys runs), not both.");
        }
        try (Project p = project.open()) {
            PrintWriter out = spec.commandLine().getOut();
            if (run != null) {
                AttentionReport report = AttentionReport.ofRun(p.database(), run);
                RunRecord r = report.runs().get(0);
                out.println("run: " + r.id() + " (" + r.model() + ", experiment " + r.experimentId() + ")");
                printOneRun(out, report.summaries().get(0), report.dataset());
                return 0;
            }
            AttentionReport report = AttentionReport.ofExperiment(p.database(), experiment);
            RunRecord first = report.runs().get(0);
            out.println("experiment: " + first.experimentId());
            out.println("runs: " + report.runs().size() + " (" + first.model() + ": "
                    + report.runs().stream().map(r -> Long.toString(r.id())).collect(Collectors.joining(", ")) + ")");
            printAcrossRuns(out, report.acrossRuns(), report.dataset());
        }
        return 0;
    }

    private static void printOneRun(PrintWriter out, AttentionSummary s, DatasetInfo dataset) {
        out.println(String.format(Locale.ROOT, "high samples (rating >= %s): %d, mean alpha_pos %.4f, mean alpha_neg %.4f",
                dataset.highThreshold(), s.highCount(), s.highAlphaPos(), s.highAlphaNeg()));
        out.println(String.format(Locale.ROOT, "low samples: %d, mean alpha_pos %.4f, mean alpha_neg %.4f",
                s.lowCount(), s.lowAlphaPos(), s.lowAlphaNeg()));
        for (int k = 0; k < AttentionSummary.TOKENS.size(); k++) {
            out.println(String.format(Locale.ROOT, "share %s: %.1f%%", AttentionSummary.TOKENS.get(k), 100 * s.shares()[k]));
        }
        out.println(String.format(Locale.ROOT, "share of both explanations: %.1f%%", 100 * (s.shares()[0] + s.shares()[1])));
        out.println(String.format(Locale.ROOT, "row concentration: mean largest weight %.4f (uniform 0.1667), "
                + "mean entropy %.4f (uniform %.4f)", s.meanRowMax(), s.meanRowEntropy(), AttentionSummary.UNIFORM_ROW_ENTROPY));
    }

    private static void printAcrossRuns(PrintWriter out, AttentionAcrossRuns a, DatasetInfo dataset) {
        AttentionSummary any = a.runs().get(0);
        out.println(String.format(Locale.ROOT, "high samples (rating >= %s): %d, mean alpha_pos %s, mean alpha_neg %s",
                dataset.highThreshold(), any.highCount(), meanSd(a.highAlphaPos(), 4), meanSd(a.highAlphaNeg(), 4)));
        out.println(String.format(Locale.ROOT, "low samples: %d, mean alpha_pos %s, mean alpha_neg %s",
                any.lowCount(), meanSd(a.lowAlphaPos(), 4), meanSd(a.lowAlphaNeg(), 4)));
        for (int k = 0; k < AttentionSummary.TOKENS.size(); k++) {
            out.println("share " + AttentionSummary.TOKENS.get(k) + ": " + percent(a.shares().get(k)));
        }
        out.println("share of both explanations: " + percent(a.explanationShare()));
        out.println(String.format(Locale.ROOT, "row concentration: mean largest weight %s (uniform 0.1667), mean entropy %s "
                + "(uniform %.4f)", meanSd(a.rowMax(), 4), meanSd(a.rowEntropy(), 4), AttentionSummary.UNIFORM_ROW_ENTROPY));
        out.println(String.format(Locale.ROOT, "high minus low alpha_pos: %s; paired t-test over %d runs: p = %s",
                meanSd(new MeanSd(a.alphaPosGap().mean(), a.alphaPosGap().sd()), 5), a.runs().size(), p(a.alphaPosGap().pValue())));
        out.println(String.format(Locale.ROOT, "low minus high alpha_neg: %s; paired t-test over %d runs: p = %s",
                meanSd(new MeanSd(a.alphaNegGap().mean(), a.alphaNegGap().sd()), 5), a.runs().size(), p(a.alphaNegGap().pValue())));
    }

    private static String meanSd(MeanSd m, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f (sd %." + digits + "f)", m.mean(), m.sd());
    }

    private static String percent(MeanSd m) {
        return String.format(Locale.ROOT, "%.1f%% (sd %.1f)", 100 * m.mean(), 100 * m.sd());
    }

    private static String p(double value) {
        return Double.isNaN(value) ? "n/a (needs 2 runs)" : String.format(Locale.ROOT, "%.4g", value);
    }
}
