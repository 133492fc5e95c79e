package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.CounterfactualPredictor;
import dev.lrrecsys.workbench.evaluate.CounterfactualPredictor.CaseInput;
import dev.lrrecsys.workbench.insight.WordSalience;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatasetBrowseRepository;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.workflow.InspectCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * `lrw bench case --project DIR`: how fast the case workbench answers once a run is loaded: a counterfactual
 * re-prediction (an edited explanation encoded and predicted, with the original beside it, as the window does) and the
 * word salience of a 30-word explanation (targets: under 300 ms and under 1 s on the 100k-interaction world).
 */
@Command(name = "case", mixinStandardHelpOptions = true,
        description = "Time counterfactual re-predictions and 30-word salience on a project's run (median and p95).")
public final class BenchCaseCommand implements Callable<Integer> {

    private static final String THIRTY_WORDS = "The consumer visited this restaurant because the consumer enjoys quiet "
            + "family dining with friendly service and the restaurant offers cheap traditional food with outdoor seating "
            + "near the city centre today";

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "R", description = "Run id (default: the newest finished lr-recsys run).")
    Long run;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "30", description = "Timed repetitions (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Override
    public Integer call() {
        if (repeats < 1) {
            throw new WorkbenchException("--repeats must be at least 1, got " + repeats + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Project p = project.open()) {
            out.println("project: " + p.dir() + " " + p.database().read(new DatasetBrowseRepository()::counts));
            InspectCase inspect = new InspectCase(p);
            long start = System.nanoTime();
            // The first case loads the run (checkpoint, autoencoder, samples): the window pays this once per run.
            InspectCase.CaseReport first = inspect.inspect(InspectCase.Settings.defaults().withCase(null, run), TaskContext.silent());
            out.printf(Locale.ROOT, "load run %d (%s) and first case: %.0f ms%n", first.run().id(), first.run().model(),
                    (System.nanoTime() - start) / 1e6);
            CounterfactualPredictor predictor = inspect.predictor(first.run().id());
            CaseInput base = predictor.input(predictor.sample(first.sampleId()), first.original().positive(), first.original().negative());
            if (!predictor.readsExplanations()) {
                throw new WorkbenchException("Run " + first.run().id() + " (" + first.run().model() + ") reads no explanations: "
                        + "choose an lr-recsys run with --run.");
            }
            out.println("explanation words: " + THIRTY_WORDS.split(" ").length);
            double[] predict = new double[repeats];
            double[] salience = new double[repeats];
            for (int i = -3; i < repeats; i++) { // three untimed rounds warm the JIT
                // Each round edits the text anew (another word order), so no cache can answer it.
                String edited = rotate(THIRTY_WORDS, i + 3);
                long t0 = System.nanoTime();
                List<CounterfactualPredictor.Prediction> both = predictor.predict(List.of(base, base.withTexts(edited, base.negative())));
                long t1 = System.nanoTime();
                WordSalience.occlude(predictor, base.withTexts(edited, base.negative()), true, both.get(1).value());
                long t2 = System.nanoTime();
                if (i >= 0) {
                    predict[i] = (t1 - t0) / 1e6;
                    salience[i] = (t2 - t1) / 1e6;
                }
            }
            out.printf(Locale.ROOT, "salience of a 30-word explanation: median %.1f ms, p95 %.1f ms (target < 1000 ms)%n",
                    percentile(salience, 0.5), percentile(salience, 0.95));
            out.printf(Locale.ROOT, "counterfactual re-prediction: median %.1f ms, p95 %.1f ms (target < 300 ms)%n",
                    percentile(predict, 0.5), percentile(predict, 0.95));
        }
        return 0;
    }

    private static String rotate(String text, int by) {
        List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
        java.util.Collections.rotate(words, by);
        return String.join(" ", words);
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
