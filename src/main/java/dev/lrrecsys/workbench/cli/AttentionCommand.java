package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.AttentionSummary;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `lrw attention`: Eq. 24's alpha_pos and alpha_neg for high and low test samples, and each token's share. */
@Command(name = "attention", mixinStandardHelpOptions = true,
        description = "Print mean attention on the positive and negative explanations for high and low samples.")
public final class AttentionCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "R", description = "The run (default: the last finished run with attention weights).")
    Long run;

    @Override
    public Integer call() {
        try (Project p = project.open()) {
            PrintWriter out = spec.commandLine().getOut();
            p.database().read(tx -> {
                ExperimentRepository repo = new ExperimentRepository();
                RunRecord r = run != null
                        ? repo.run(tx, run).orElseThrow(() -> new WorkbenchException("There is no run " + run + "."))
                        : repo.lastRun(tx, true).orElseThrow(() -> new WorkbenchException(
                        "No run with attention weights yet: run `lrw experiment --models lr-recsys` first."));
                var rows = repo.attention(tx, r.id());
                if (rows.isEmpty()) {
                    throw new WorkbenchException("Run " + r.id() + " (" + r.model() + ") stored no attention weights: "
                            + "only the attention network (lr-recsys, id-only, positive-only, minilm) has them.");
                }
                DatasetInfo dataset = new DatasetRepository().find(tx).orElseThrow();
                AttentionSummary s = AttentionSummary.of(rows, dataset);
                out.println("run: " + r.id() + " (" + r.model() + ", experiment " + r.experimentId() + ")");
                out.println(String.format(Locale.ROOT, "high samples (rating >= %s): %d, mean alpha_pos %.4f, mean alpha_neg %.4f",
                        dataset.highThreshold(), s.highCount(), s.highAlphaPos(), s.highAlphaNeg()));
                out.println(String.format(Locale.ROOT, "low samples: %d, mean alpha_pos %.4f, mean alpha_neg %.4f",
                        s.lowCount(), s.lowAlphaPos(), s.lowAlphaNeg()));
                for (int k = 0; k < AttentionSummary.TOKENS.size(); k++) {
                    out.println(String.format(Locale.ROOT, "share %s: %.1f%%", AttentionSummary.TOKENS.get(k),
                            100 * s.shares()[k]));
                }
                out.println(String.format(Locale.ROOT, "share of both explanations: %.1f%%",
                        100 * (s.shares()[0] + s.shares()[1])));
                return null;
            });
        }
        return 0;
    }
}
