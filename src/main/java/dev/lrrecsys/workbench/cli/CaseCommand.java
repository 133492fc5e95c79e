package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.insight.WordSalience;
import dev.lrrecsys.workbench.insight.WordSalience.WordWeight;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.InspectCase;
import dev.lrrecsys.workbench.workflow.InspectCase.CaseReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * `lrw case`: the case workbench for scripts: one sample through one run's checkpoint, optionally edited (explanations,
 * history, candidate), with the counterfactual prediction and the most salient words of each explanation.
 */
@Command(name = "case", mixinStandardHelpOptions = true,
        description = "Predict one sample again with a run's checkpoint, optionally with edited explanations, history "
                + "or candidate (never written back), and print the most salient words of each explanation.")
public final class CaseCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @Option(names = "--sample", paramLabel = "S", description = "Sample id (default: the first test sample).")
    Long sample;

    @Option(names = "--run", paramLabel = "R", description = "Run id (default: the newest finished lr-recsys run).")
    Long run;

    @Option(names = "--positive", paramLabel = "TEXT", description = "The positive explanation as edited.")
    String positive;

    @Option(names = "--negative", paramLabel = "TEXT", description = "The negative explanation as edited.")
    String negative;

    @Option(names = "--history", paramLabel = "P1,P2,...", split = ",",
            description = "The history as edited: product ids as in the dataset's files, oldest first, at most 5.")
    List<String> history;

    @Option(names = "--candidate", paramLabel = "P", description = "The candidate product as edited (its id in the dataset's files).")
    String candidate;

    @Option(names = "--top", paramLabel = "N", defaultValue = "" + InspectCase.DEFAULT_SALIENT_WORDS,
            description = "Salient words printed per explanation (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() {
        InspectCase.Settings settings = new InspectCase.Settings(sample, run, positive, negative, history, candidate, top > 0);
        try (Project p = project.open()) {
            CaseReport r = ConsoleProgress.run(new InspectCase(p).job(settings), spec.commandLine().getErr());
            PrintWriter out = spec.commandLine().getOut();
            out.println("sample: " + r.sampleId());
            out.println("run: " + r.run().id());
            out.println("model: " + r.run().model() + " (experiment " + r.run().experimentId() + ")");
            out.println("truth: " + format(r.truth()) + " (rating " + r.rating() + ", " + r.split() + " sample)");
            if (r.feeding() != null) {
                out.println("explanation sample: " + r.explanationSampleId());
                out.println("explanations: " + r.feeding());
            }
            // The stored pair's alignment scores, as the case workbench shows them beside the explanations.
            if (r.alignment().scored()) {
                out.println("lc: " + r.alignment().lcText());
                out.println("ic: " + r.alignment().icText());
                if (r.alignment().editedLc() != null) {
                    out.println("edited lc: " + r.alignment().editedLcText());
                    out.println("edited ic: " + r.alignment().editedIcText());
                }
            } else {
                out.println("scores: " + r.alignment().note());
            }
            out.println("prediction: " + format(r.original().prediction().value()));
            if (r.counterfactual() != null) {
                out.println("counterfactual prediction: " + format(r.counterfactual().prediction().value()));
            }
            if (!r.readsExplanations()) {
                out.println("salient words: none (" + r.run().model() + " reads no explanations)");
            } else if (top > 0) {
                out.println("salient words (positive): " + words(r.positiveSalience()));
                out.println("salient words (negative): " + words(r.negativeSalience()));
            }
        }
        return 0;
    }

    /** The prediction as both front ends show it: 4 decimals on [0,1]. */
    static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private String words(List<WordWeight> weights) {
        if (weights.isEmpty()) {
            return "none";
        }
        return WordSalience.top(weights, top).stream()
                .map(w -> w.word() + " " + String.format(Locale.ROOT, "%+.4f", w.change()) + (w.known() ? "" : " (unknown word)"))
                .collect(Collectors.joining(", "));
    }
}
