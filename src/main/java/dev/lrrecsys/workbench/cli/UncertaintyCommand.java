package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.UncertaintyAnalysis;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExperimentRecord;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.ExperimentRepository.UncertaintyRow;
import dev.lrrecsys.workbench.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `lrw uncertainty`: the least-squares line of LR-Recsys' per-sample gain on the models' uncertainty. */
@Command(name = "uncertainty", mixinStandardHelpOptions = true,
        description = "Print the slope, p-value and n of gain vs uncertainty (PRODUCT.md step 6) of an experiment, "
                + "for uncertainty over all models (the paper's) and over the baselines only.")
public final class UncertaintyCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "R", description = "A run of the experiment to analyse, with its training "
            + "fraction (default: the last experiment with uncertainty rows, its largest fraction).")
    Long run;

    @Override
    public Integer call() {
        try (Project p = project.open()) {
            PrintWriter out = spec.commandLine().getOut();
            p.database().read(tx -> {
                ExperimentRepository repo = new ExperimentRepository();
                long experimentId;
                double fraction;
                if (run != null) {
                    RunRecord r = repo.run(tx, run).orElseThrow(() -> new WorkbenchException("There is no run " + run + "."));
                    experimentId = r.experimentId();
                    fraction = r.trainFraction();
                } else {
                    ExperimentRecord last = repo.lastExperiment(tx).orElseThrow(() -> new WorkbenchException(
                            "No experiment yet: run `lrw experiment` with lr-recsys and a baseline first."));
                    experimentId = last.id();
                    List<Double> fractions = repo.uncertaintyFractions(tx, experimentId);
                    fraction = fractions.isEmpty() ? 1.0 : fractions.get(fractions.size() - 1);
                }
                List<UncertaintyRow> rows = repo.uncertainty(tx, experimentId, fraction);
                if (rows.isEmpty()) {
                    throw new WorkbenchException("Experiment " + experimentId + " has no uncertainty values for training "
                            + "fraction " + fraction + ": it needs finished lr-recsys and baseline runs.");
                }
                double[] g = rows.stream().mapToDouble(UncertaintyRow::gain).toArray();
                UncertaintyAnalysis.Fit fit = UncertaintyAnalysis.fit(
                        rows.stream().mapToDouble(UncertaintyRow::uncertainty).toArray(), g);
                UncertaintyAnalysis.Fit baselines = UncertaintyAnalysis.fit(
                        rows.stream().mapToDouble(UncertaintyRow::uncertaintyBaselines).toArray(), g);
                out.println("experiment: " + experimentId);
                out.println("train fraction: " + fraction);
                out.println("uncertainty: " + UncertaintyAnalysis.Definition.ALL_MODELS.label());
                printFit(out, "", fit);
                out.println("uncertainty: " + UncertaintyAnalysis.Definition.BASELINES_ONLY.label());
                if (baselines.n() == 0) {
                    out.println("baselines-only: not measured (it needs two baselines, and experiments stored "
                            + "before this version have none)");
                } else {
                    printFit(out, "baselines-only ", baselines);
                }
                return null;
            });
        }
        return 0;
    }

    private static void printFit(PrintWriter out, String prefix, UncertaintyAnalysis.Fit fit) {
        out.println(String.format(Locale.ROOT, "%sslope: %.6g", prefix, fit.slope()));
        out.println(String.format(Locale.ROOT, "%sintercept: %.6g", prefix, fit.intercept()));
        out.println(String.format(Locale.ROOT, "%sp-value: %.6g", prefix, fit.pValue()));
        out.println(prefix + "n: " + fit.n());
    }
}
