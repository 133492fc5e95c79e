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
        description = "Print the slope, p-value and n of gain vs uncertainty (PRODUCT.md step 6) of an experiment.")
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
                double[] u = rows.stream().mapToDouble(UncertaintyRow::uncertainty).toArray();
                double[] g = rows.stream().mapToDouble(UncertaintyRow::gain).toArray();
                UncertaintyAnalysis.Fit fit = UncertaintyAnalysis.fit(u, g);
                out.println("experiment: " + experimentId);
                out.println("train fraction: " + fraction);
                out.println(String.format(Locale.ROOT, "slope: %.6g", fit.slope()));
                out.println(String.format(Locale.ROOT, "intercept: %.6g", fit.intercept()));
                out.println(String.format(Locale.ROOT, "p-value: %.6g", fit.pValue()));
                out.println("n: " + fit.n());
                return null;
            });
        }
        return 0;
    }
}
