package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.AutoencoderCodeSource;
import dev.lrrecsys.workbench.evaluate.ExperimentJob;
import dev.lrrecsys.workbench.evaluate.ExperimentOutcome;
import dev.lrrecsys.workbench.evaluate.ExperimentSettings;
import dev.lrrecsys.workbench.evaluate.ModelCatalog;
import dev.lrrecsys.workbench.evaluate.ResultTable;
import dev.lrrecsys.workbench.evaluate.UncertaintyAnalysis;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExperimentRecord;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
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

    @Option(names = "--task", paramLabel = "TASK", description = "regression or classification (default: ${DEFAULT-VALUE})",
            defaultValue = "regression")
    String task;

    @Option(names = "--models", paramLabel = "a,b,c", split = ",",
            description = "Models to train (default: all of lr-recsys, id-only, positive-only, minilm, ncf, mf, sasrec "
                    + "that this build has).")
    List<String> models;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "Runs per model, seeds seed..seed+N-1 (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "20", description = "Training epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--ae-epochs", paramLabel = "E",
            description = "Epochs for the explanation autoencoder when its codes are missing (default: --epochs).")
    Integer autoencoderEpochs;

    @Option(names = "--train-fraction", paramLabel = "F[,F...]", defaultValue = "1.0",
            description = "Share(s) of each consumer's training samples to keep, oldest first (default: ${DEFAULT-VALUE}).")
    String trainFractions;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "0.01", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the first repeat (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--generator", paramLabel = "G", defaultValue = ExperimentSettings.OFFLINE_GENERATOR,
            description = "Whose explanations feed the models (default: ${DEFAULT-VALUE}).")
    String generator;

    @Option(names = "--model", paramLabel = "M", description = "The generator's model name (default for offline: '"
            + ExperimentSettings.OFFLINE_MODEL + "').")
    String generatorModel;

    @Option(names = "--resume", description = "Finish the last unfinished experiment instead (its own settings apply).")
    boolean resume;

    @Override
    public Integer call() {
        ModelCatalog catalog = ModelCatalog.standard();
        try (Project p = project.open()) {
            ExperimentSettings settings;
            Long resumeId = null;
            if (resume) {
                ExperimentRecord last = p.database().read(tx -> new ExperimentRepository().lastExperiment(tx))
                        .filter(e -> !ExperimentRepository.DONE.equals(e.status()))
                        .orElseThrow(() -> new WorkbenchException("There is no unfinished experiment to resume."));
                resumeId = last.id();
                settings = new ExperimentSettings(parseTask(last.task()), last.models(), last.repeats(), last.epochs(),
                        last.batchSize(), last.learningRate(), last.seed(),
                        ExperimentSettings.parseFractions(last.trainFractions()), last.generator(), last.generatorModel());
            } else {
                settings = new ExperimentSettings(parseTask(task), models == null ? catalog.ids() : models, repeats,
                        epochs, batch, learningRate, seed, ExperimentSettings.parseFractions(trainFractions), generator,
                        generatorModel != null ? generatorModel : defaultModel(generator));
            }
            settings.models().forEach(catalog::get);
            int aeEpochs = autoencoderEpochs != null ? autoencoderEpochs : settings.epochs();
            ExperimentJob job = new ExperimentJob(p.database(), p.modelsDir(), p.exportsDir(), settings, catalog,
                    new AutoencoderCodeSource(p, aeEpochs, settings.seed()), resumeId);
            ExperimentOutcome outcome = ConsoleProgress.run(job, spec.commandLine().getErr());
            print(outcome, spec.commandLine().getOut());
        }
        return 0;
    }

    private static String defaultModel(String generator) {
        if (ExperimentSettings.OFFLINE_GENERATOR.equals(generator)) {
            return ExperimentSettings.OFFLINE_MODEL;
        }
        throw new WorkbenchException("Name the generator's model with --model (e.g. --model llama3.1).");
    }

    static PredictionTask parseTask(String text) {
        return Arrays.stream(PredictionTask.values()).filter(t -> t.name().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new WorkbenchException("--task must be regression or classification, got '" + text + "'."));
    }

    static void print(ExperimentOutcome o, PrintWriter out) {
        out.println("experiment: " + o.experimentId());
        out.println("samples: " + o.trainSamples() + " train, " + o.testSamples() + " test, " + o.excludedSamples()
                + " left out (no explanation pair)");
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
