package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.evaluate.ExperimentOutcome;
import dev.lrrecsys.workbench.evaluate.ExperimentSettings;
import dev.lrrecsys.workbench.evaluate.ResultTable;
import dev.lrrecsys.workbench.evaluate.UncertaintyAnalysis;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.TrainAndEvaluate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `lrw experiment`: trains and compares models, prints and exports the Table-2-style result. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Train LR-Recsys, its variants and the baselines N times each and compare them (paper's Table 2).")
public final class ExperimentCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @Option(names = "--task", paramLabel = "TASK", description = "regression, classification or ranking (HR@K and NDCG@K of each high-rated test sample "
            + "against 99 products its consumer never interacted with; models train on the ratings) "
            + "(default: ${DEFAULT-VALUE})",
            defaultValue = "regression")
    String task;

    @Option(names = "--models", paramLabel = "a,b,c", split = ",",
            description = "Models to train (default: all of lr-recsys, shuffled, id-only, positive-only, minilm, ncf, mf, sasrec "
                    + "that this build has).")
    List<String> models;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "" + TrainAndEvaluate.Settings.DEFAULT_REPEATS, description = "Runs per model, seeds seed..seed+N-1 (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "" + TrainAndEvaluate.Settings.DEFAULT_EPOCHS, description = "Most training epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = ""
            + TrainAndEvaluate.Settings.DEFAULT_VALIDATION_FRACTION, description = "Share of each consumer's training "
            + "samples (the last ones) held out to pick the epoch; consumers with few samples keep all "
            + "(default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--patience", paramLabel = "P", defaultValue = "" + TrainAndEvaluate.Settings.DEFAULT_PATIENCE,
            description = "Stop a run after P epochs without a better validation metric and keep its best epoch; "
                    + "0 trains every epoch (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--ae-epochs", paramLabel = "E",
            description = "Epochs for the explanation autoencoder when its codes are missing (default: --epochs).")
    Integer autoencoderEpochs;

    @Option(names = "--train-fraction", paramLabel = "F[,F...]", defaultValue = "1.0",
            description = "Share(s) of each consumer's training samples to keep, oldest first (default: ${DEFAULT-VALUE}).")
    String trainFractions;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "" + TrainAndEvaluate.Settings.DEFAULT_BATCH_SIZE, description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "" + ExperimentSettings.DEFAULT_LEARNING_RATE, description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--weight-decay", paramLabel = "L2", defaultValue = "" + TrainAndEvaluate.Settings.DEFAULT_WEIGHT_DECAY,
            description = "L2 penalty on every network's parameters, in [0, 1]; 0 turns it off (default: ${DEFAULT-VALUE}, "
                    + "chosen on validation: docs/experiments.md).")
    double weightDecay;

    @Option(names = "--dropout", paramLabel = "RATE", defaultValue = "" + TrainAndEvaluate.Settings.DEFAULT_DROPOUT,
            description = "Dropout on the first hidden layer of LR-Recsys, its variants and NCF, in [0, 0.9]; "
                    + "0 turns it off (default: ${DEFAULT-VALUE}, chosen on validation).")
    double dropout;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + TrainAndEvaluate.Settings.DEFAULT_SEED, description = "Seed of the first repeat (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--generator", paramLabel = "G", defaultValue = ExperimentSettings.OFFLINE_GENERATOR,
            description = "Whose explanations feed the models (default: ${DEFAULT-VALUE}).")
    String generator;

    @Option(names = "--model", paramLabel = "M", description = "The generator's model name (default for offline: '"
            + ExperimentSettings.OFFLINE_MODEL + "').")
    String generatorModel;

    @Option(names = "--variant", paramLabel = "V", defaultValue = TrainAndEvaluate.Settings.DEFAULT_VARIANT,
            description = "Whose explanation pairs: contrastive or concise; the codes are those of the newest "
                    + "autoencoder of that variant (`lrw autoencoder --variant V`), trained first when missing "
                    + "(default: ${DEFAULT-VALUE}; --resume keeps the experiment's own).")
    String variant;

    @Option(names = "--candidate-explanations", paramLabel = "generate|nearest|pool",
            description = "Ranking: the sampled candidates' explanations are written by the generator (generate), "
                    + "reused from the nearest stored sample of the same product (nearest) or retrieved from the "
                    + "nearest seed sample of the reasoning pool (pool) (default: pool when the explanations were made "
                    + "with --pool, else generate for offline, nearest for an LLM).")
    String candidateExplanations;

    @Option(names = "--allow-llm-calls", description = "Ranking: let an LLM write the candidates' explanations even "
            + "when that costs more calls than the project has samples.")
    boolean allowLlmCalls;

    @Option(names = "--resume", description = "Finish the last unfinished experiment instead (its own settings apply).")
    boolean resume;

    /** The workflow's settings these options describe (validated there, with messages naming the setting). */
    public TrainAndEvaluate.Settings settings() {
        return new TrainAndEvaluate.Settings(TrainAndEvaluate.Settings.parseTask(task),
                models == null ? TrainAndEvaluate.Settings.defaults().models() : models, repeats, epochs, validationFraction,
                patience, autoencoderEpochs,
                batch, learningRate, seed, TrainAndEvaluate.Settings.parseFractions(trainFractions), generator,
                generatorModel, resume, weightDecay, dropout, new TrainAndEvaluate.Ranking(candidateExplanations, allowLlmCalls),
                variant);
    }

    @Override
    public Integer call() {
        TrainAndEvaluate.Settings settings = settings();
        try (Project p = project.open()) {
            if (!settings.resume()) {
                TrainAndEvaluate.unfinished(p).ifPresent(e -> spec.commandLine().getErr().println("note: experiment "
                        + e.id() + " did not finish (" + e.status() + "): `lrw experiment --resume` finishes it; "
                        + "this starts a new experiment."));
            }
            ExperimentOutcome outcome = ConsoleProgress.run(TrainAndEvaluate.job(p, settings), spec.commandLine().getErr());
            print(outcome, spec.commandLine().getOut());
        }
        return 0;
    }

    static void print(ExperimentOutcome o, PrintWriter out) {
        out.println("experiment: " + o.experimentId());
        out.println("samples: " + o.trainSamples() + " train, " + o.testSamples() + " test, " + o.excludedSamples()
                + " left out (no explanation pair)");
        o.notes().forEach(out::println);
        for (ResultTable t : o.tables()) {
            out.println();
            out.print(t.markdown());
            UncertaintyAnalysis.Fit fit = o.uncertainty().get(t.trainFraction());
            if (fit != null) {
                out.println(String.format(Locale.ROOT, "uncertainty vs gain: slope %.4g, p = %.4g, n = %d",
                        fit.slope(), fit.pValue(), fit.n()));
            }
        }
        out.println();
        out.println("csv: " + o.csv());
        out.println("markdown: " + o.markdown());
    }
}
