package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.model.AutoencoderSettings;
import dev.lrrecsys.workbench.model.ExplanationAutoencoderJob;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.TrainAutoencoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `lrw autoencoder`: trains the explanation autoencoder and stores the codes of every explanation. */
@Command(name = "autoencoder", mixinStandardHelpOptions = true,
        description = "Train the explanation autoencoder on the training-split explanation pairs of one generator, "
                + "model and variant, print its token accuracy, and store the 8-dim code of every explanation.")
public final class AutoencoderCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--generator", defaultValue = "offline", paramLabel = "NAME",
            description = "Whose explanations: offline, ollama or openai-compatible (default: ${DEFAULT-VALUE}).")
    String generator;

    @Option(names = "--model", paramLabel = "M",
            description = "The generator's model (default: the offline reasoner, or llama3.1 for ollama).")
    String model;

    @Option(names = "--variant", defaultValue = TrainAutoencoder.Settings.DEFAULT_VARIANT, paramLabel = "V",
            description = "Whose pairs: contrastive or concise (`lrw generate --variant concise`) (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--epochs", defaultValue = "" + TrainAutoencoder.Settings.PAPER_EPOCHS, description = "Epochs (default: ${DEFAULT-VALUE}, the paper's).")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--learning-rate", defaultValue = "0.1", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--optimizer", defaultValue = "adagrad",
            description = "adagrad, adam or sgd (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--min-count", defaultValue = "2",
            description = "Words seen fewer times in training become <unk> (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--max-vocabulary", defaultValue = "5000",
            description = "Vocabulary cap including <pad> and <unk> (default: ${DEFAULT-VALUE}).")
    int maxVocabulary;

    @Option(names = "--weight-decay", paramLabel = "L2", defaultValue = "0",
            description = "L2 penalty on the weights and the word table, in [0, 1] (default: ${DEFAULT-VALUE}, the paper's "
                    + "autoencoder has none).")
    double weightDecay;

    @Option(names = "--dropout", paramLabel = "RATE", defaultValue = "0",
            description = "Dropout on the two 64-unit hidden layers while training, in [0, 0.9] (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AutoencoderSettings.Optimizer opt;
        try {
            opt = AutoencoderSettings.Optimizer.valueOf(optimizer.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WorkbenchException("Unknown optimizer '" + optimizer + "': use adagrad, adam or sgd.");
        }
        TrainAutoencoder.Settings settings = new TrainAutoencoder.Settings(generator, model, variant,
                new AutoencoderSettings(epochs, batch, learningRate, opt, minCount, maxVocabulary, seed, weightDecay,
                        dropout));
        String m = settings.model();
        try (Project p = project.open()) {
            ExplanationAutoencoderJob.Result r = ConsoleProgress.run(TrainAutoencoder.job(p, settings),
                    spec.commandLine().getErr());
            PrintWriter out = spec.commandLine().getOut();
            out.println("autoencoder: " + r.autoencoderId());
            out.println("explanations: " + generator + " (" + m + ")");
            out.println("variant: " + settings.variant());
            out.println("vocabulary: " + r.vocabularySize() + " words (from " + r.trainSentences() + " training sentences)");
            out.printf(Locale.ROOT, "final loss: %.4f%n", r.finalLoss());
            out.printf(Locale.ROOT, "train token accuracy: %.4f%n", r.trainAccuracy());
            out.printf(Locale.ROOT, "test token accuracy: %.4f (%d test sentences)%n", r.testAccuracy(), r.testSentences());
            out.println("codes stored: " + r.codesWritten());
            out.println("checkpoint: " + p.dir().relativize(r.checkpoint()));
        }
        return 0;
    }
}
