package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.AutoencoderCodeSource;
import dev.lrrecsys.workbench.evaluate.ExperimentJob;
import dev.lrrecsys.workbench.evaluate.ExperimentOutcome;
import dev.lrrecsys.workbench.evaluate.ExperimentSettings;
import dev.lrrecsys.workbench.evaluate.ModelCatalog;
import dev.lrrecsys.workbench.evaluate.RankingCandidates;
import dev.lrrecsys.workbench.explain.GeneratedCandidateExplanations;
import dev.lrrecsys.workbench.explain.Generators;
import dev.lrrecsys.workbench.explain.LlmSettings;
import dev.lrrecsys.workbench.explain.NearestSampleExplanations;
import dev.lrrecsys.workbench.explain.PoolCandidateExplanations;
import dev.lrrecsys.workbench.explain.RetryPolicy;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.model.Regularisation;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExperimentRecord;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.task.Job;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * "Train and evaluate": trains the explanation autoencoder first when its codes are missing, then trains and
 * compares the chosen models (Table 2); or finishes the last unfinished experiment with its own settings.
 */
public final class TrainAndEvaluate {

    /**
     * What to train. {@code epochs} is the most a run trains: with {@code patience} above 0 a run stops after that
     * many epochs without a better metric on the validation part ({@code validationFraction} of each consumer's
     * training samples, the last ones) and keeps its best epoch's weights. {@code autoencoderEpochs} null means
     * "as many as the models"; the explanations come from {@code generator} and {@code generatorModel}. Every
     * network trains with {@code weightDecay} (L2) and {@code dropout} (first hidden layer, where there is one).
     * {@code variant} is whose pairs the explanation features encode: contrastive (the paper's, the default when null)
     * or concise (issue 11's key factors); the codes are those of the newest autoencoder of that variant.
     */
    public record Settings(PredictionTask task, List<String> models, int repeats, int epochs, double validationFraction,
                           int patience, Integer autoencoderEpochs, int batchSize, double learningRate, long seed, List<Double> trainFractions, String generator,
                           String generatorModel, boolean resume, double weightDecay, double dropout, Ranking ranking,
                           String variant) {

        public static final String DEFAULT_VARIANT = ExperimentSettings.CONTRASTIVE;

        /** On the contrastive pairs. */
        public Settings(PredictionTask task, List<String> models, int repeats, int epochs, double validationFraction,
                        int patience, Integer autoencoderEpochs, int batchSize, double learningRate, long seed,
                        List<Double> trainFractions, String generator, String generatorModel, boolean resume,
                        double weightDecay, double dropout, Ranking ranking) {
            this(task, models, repeats, epochs, validationFraction, patience, autoencoderEpochs, batchSize, learningRate,
                    seed, trainFractions, generator, generatorModel, resume, weightDecay, dropout, ranking, DEFAULT_VARIANT);
        }

        public static final double DEFAULT_WEIGHT_DECAY = ExperimentSettings.DEFAULT_WEIGHT_DECAY;
        public static final double DEFAULT_DROPOUT = ExperimentSettings.DEFAULT_DROPOUT;

        /** With the default weight decay and dropout. */
        public Settings(PredictionTask task, List<String> models, int repeats, int epochs, double validationFraction,
                        int patience, Integer autoencoderEpochs, int batchSize, double learningRate, long seed,
                        List<Double> trainFractions, String generator, String generatorModel, boolean resume) {
            this(task, models, repeats, epochs, validationFraction, patience, autoencoderEpochs, batchSize, learningRate,
                    seed, trainFractions, generator, generatorModel, resume, DEFAULT_WEIGHT_DECAY, DEFAULT_DROPOUT);
        }

        /** With this weight decay and dropout and the ranking options at their defaults. */
        public Settings(PredictionTask task, List<String> models, int repeats, int epochs, double validationFraction,
                        int patience, Integer autoencoderEpochs, int batchSize, double learningRate, long seed,
                        List<Double> trainFractions, String generator, String generatorModel, boolean resume,
                        double weightDecay, double dropout) {
            this(task, models, repeats, epochs, validationFraction, patience, autoencoderEpochs, batchSize, learningRate,
                    seed, trainFractions, generator, generatorModel, resume, weightDecay, dropout, Ranking.defaults());
        }

        public static final int DEFAULT_REPEATS = 5;
        public static final int DEFAULT_EPOCHS = 20;
        public static final double DEFAULT_VALIDATION_FRACTION = 0.1;
        public static final int DEFAULT_PATIENCE = 3;
        public static final int DEFAULT_BATCH_SIZE = 128;
        public static final long DEFAULT_SEED = 42;
        public static final List<Double> ALL_TRAINING_DATA = List.of(1.0);

        /** A null generator model is only allowed for the offline reasoner, whose model it fills in. */
        public Settings {
            InvalidSettingException.require(task != null, "task", "task must be regression, classification or ranking.");
            InvalidSettingException.require(models != null && !models.isEmpty(), "models", "Choose at least one model.");
            for (String m : models) {
                // Each model is one row of the table: a second mention would train it twice under one name.
                InvalidSettingException.require(models.indexOf(m) == models.lastIndexOf(m), "models",
                        "models lists " + m + " more than once.");
            }
            InvalidSettingException.require(repeats >= 1, "repeats", "repeats must be at least 1, got " + repeats + ".");
            InvalidSettingException.require(epochs >= 1, "epochs", "epochs must be at least 1, got " + epochs + ".");
            InvalidSettingException.require(validationFraction >= 0
                            && validationFraction <= ExperimentSettings.MAX_VALIDATION_FRACTION, "validation fraction",
                    ExperimentSettings.validationFractionMessage(validationFraction));
            InvalidSettingException.require(patience >= 0, "patience", ExperimentSettings.patienceMessage(patience));
            InvalidSettingException.require(autoencoderEpochs == null || autoencoderEpochs >= 1, "autoencoder epochs",
                    "autoencoder epochs must be at least 1, got " + autoencoderEpochs + ".");
            InvalidSettingException.require(batchSize >= 1, "batch size", "batch size must be at least 1, got " + batchSize + ".");
            InvalidSettingException.require(learningRate > 0 && Double.isFinite(learningRate), "learning rate",
                    "learning rate must be positive, got " + learningRate + ".");
            InvalidSettingException.require(Regularisation.validWeightDecay(weightDecay), "weight decay",
                    Regularisation.weightDecayMessage(weightDecay));
            InvalidSettingException.require(Regularisation.validDropout(dropout), "dropout",
                    Regularisation.dropoutMessage(dropout));
            InvalidSettingException.require(trainFractions != null && !trainFractions.isEmpty(), "training fraction",
                    "Give at least one training fraction.");
            for (double f : trainFractions) {
                InvalidSettingException.require(f > 0 && f <= 1, "training fraction",
                        "training fraction must be in (0, 1], got " + f + ".");
            }
            InvalidSettingException.require(generator != null && !generator.isBlank(), "generator", "generator must be named.");
            if (generatorModel == null || generatorModel.isBlank()) {
                InvalidSettingException.require(ExperimentSettings.OFFLINE_GENERATOR.equals(generator), "model",
                        "Name the generator's model (e.g. llama3.1).");
                generatorModel = ExperimentSettings.OFFLINE_MODEL;
            }
            models = List.copyOf(models);
            trainFractions = List.copyOf(trainFractions);
            if (ranking == null) {
                ranking = Ranking.defaults();
            }
            if (variant == null || variant.isBlank()) {
                variant = DEFAULT_VARIANT;
            }
            InvalidSettingException.require(Variant.pairOrNull(variant) != null, "variant", Variant.notAPairMessage(variant));
            InvalidSettingException.require(task != PredictionTask.RANKING || DEFAULT_VARIANT.equals(variant), "variant",
                    "--task ranking reads contrastive explanations only (its candidates' pairs are contrastive), "
                            + "not " + variant + ".");
        }


        /**
         * Every model of this build, on the offline reasoner's explanations: what both front ends start from.
         */
        public static Settings defaults() {
            return new Settings(PredictionTask.REGRESSION, ModelCatalog.standard().ids(), DEFAULT_REPEATS, DEFAULT_EPOCHS,
                    DEFAULT_VALIDATION_FRACTION, DEFAULT_PATIENCE, null, DEFAULT_BATCH_SIZE, ExperimentSettings.DEFAULT_LEARNING_RATE, DEFAULT_SEED, ALL_TRAINING_DATA,
                    ExperimentSettings.OFFLINE_GENERATOR, ExperimentSettings.OFFLINE_MODEL, false, DEFAULT_WEIGHT_DECAY,
                    DEFAULT_DROPOUT);
        }

        public Settings withModels(List<String> chosen) {
            return new Settings(task, chosen, repeats, epochs, validationFraction, patience, autoencoderEpochs, batchSize, learningRate, seed, trainFractions,
                    generator, generatorModel, resume, weightDecay, dropout, ranking, variant);
        }

        public Settings withRuns(int repeatsPerModel, int epochsPerRun) {
            return new Settings(task, models, repeatsPerModel, epochsPerRun, validationFraction, patience, autoencoderEpochs, batchSize, learningRate, seed,
                    trainFractions, generator, generatorModel, resume, weightDecay, dropout, ranking, variant);
        }

        /** The same with this weight decay and dropout. */
        public Settings withRegularisation(double decay, double rate) {
            return new Settings(task, models, repeats, epochs, validationFraction, patience, autoencoderEpochs, batchSize,
                    learningRate, seed, trainFractions, generator, generatorModel, resume, decay, rate, ranking, variant);
        }

        /** The same on the pairs of this variant (contrastive or concise). */
        public Settings withVariant(String chosen) {
            return new Settings(task, models, repeats, epochs, validationFraction, patience, autoencoderEpochs, batchSize,
                    learningRate, seed, trainFractions, generator, generatorModel, resume, weightDecay, dropout, ranking,
                    chosen);
        }

        /** The autoencoder's epochs when its codes have to be trained first. */
        public int autoencoderEpochsOrDefault() {
            return autoencoderEpochs != null ? autoencoderEpochs : epochs;
        }

        ExperimentSettings experiment() {
            return new ExperimentSettings(task, models, repeats, epochs, validationFraction, patience, batchSize, learningRate, seed, trainFractions,
                    generator, generatorModel, weightDecay, dropout, variant);
        }

        /** "regression" or "classification" (any case), with a message naming the setting. */
        public static PredictionTask parseTask(String text) {
            return Arrays.stream(PredictionTask.values()).filter(t -> t.name().equalsIgnoreCase(text)).findFirst()
                    .orElseThrow(() -> new InvalidSettingException("task",
                            "task must be regression, classification or ranking, got '" + text + "'."));
        }

        /** "0.1" as a number, with a message naming the setting (its range is checked by the settings). */
        public static double parseValidationFraction(String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException | NullPointerException e) {
                throw new InvalidSettingException("validation fraction",
                        "validation fraction must be a number like 0.1, got '" + text + "'.");
            }
        }

        /** A number typed for {@code setting} (e.g. "weight decay"), with a message naming it and an example. */
        public static double parseNumber(String setting, String example, String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException | NullPointerException e) {
                throw new InvalidSettingException(setting,
                        setting + " must be a number like " + example + ", got '" + text + "'.");
            }
        }

        /** "0.25,0.5,1.0" as a list, with a message naming the setting. */
        public static List<Double> parseFractions(String text) {
            try {
                return Arrays.stream(text.split(",")).map(String::trim).map(Double::parseDouble).toList();
            } catch (NumberFormatException e) {
                throw new InvalidSettingException("training fraction",
                        "training fractions must be numbers like 0.25,0.5,1.0, got '" + text + "'.");
            }
        }
    }

    /**
     * Where the ranking task's candidates get their explanations: {@code candidateExplanations} "generate" (the
     * experiment's generator writes a pair per candidate), "nearest" (the pair of the nearest stored sample with the
     * same product is reused, no generator call), "pool" (the pair of the nearest seed sample of the reasoning pool
     * is retrieved, as `lrw generate --pool` does for samples, no generator call), or null for the default: pool when
     * the explanations were made with a reasoning pool, else generate with the offline reasoner and nearest for an
     * LLM. Writing them with an LLM is refused when it would cost more calls than the project has samples, unless
     * {@code allowLlmCalls}.
     */
    public record Ranking(String candidateExplanations, boolean allowLlmCalls) {

        public static final String GENERATE = "generate";
        public static final String NEAREST = "nearest";
        public static final String POOL = "pool";
        /** Every choice, in the order front ends offer them. */
        public static final List<String> SOURCES = List.of(GENERATE, NEAREST, POOL);

        public Ranking {
            InvalidSettingException.require(candidateExplanations == null || SOURCES.contains(candidateExplanations),
                    "candidate explanations",
                    "candidate explanations must be generate, nearest or pool, got '" + candidateExplanations + "'.");
        }

        public static Ranking defaults() {
            return new Ranking(null, false);
        }

        /**
         * generate, nearest or pool for the experiment's generator; {@code madeWithPool}: whether that generator's
         * explanations hold retrieved rows (they were made with `lrw generate --pool`).
         */
        public String candidateExplanationsFor(String generator, boolean madeWithPool) {
            if (candidateExplanations != null) {
                return candidateExplanations;
            }
            if (madeWithPool) {
                return POOL;
            }
            return ExperimentSettings.OFFLINE_GENERATOR.equals(generator) ? GENERATE : NEAREST;
        }
    }

    private TrainAndEvaluate() {
    }

    /** The last experiment when it did not finish (interrupted, cancelled or failed): the one a resume would finish. */
    public static Optional<ExperimentRecord> unfinished(Project project) {
        return project.database().read(tx -> new ExperimentRepository().lastUnfinished(tx));
    }

    /**
     * The experiment as one job. Unknown models are refused here, before anything runs; with {@code resume} the
     * last unfinished experiment is found when the job runs and finished with its stored settings.
     */
    public static Job<ExperimentOutcome> job(Project project, Settings settings) {
        ModelCatalog catalog = ModelCatalog.standard();
        settings.models().forEach(catalog::get);
        if (!settings.resume()) {
            return BackupFirst.of(project,
                    experimentJob(project, settings.experiment(), catalog, settings.autoencoderEpochsOrDefault(), null,
                            settings.ranking()));
        }
        return BackupFirst.of(project, new WorkflowJob<>("Resume experiment", context -> {
            ExperimentRecord last = project.database().read(tx -> new ExperimentRepository().lastExperiment(tx))
                    .filter(e -> !ExperimentRepository.DONE.equals(e.status()))
                    .orElseThrow(() -> new WorkbenchException("There is no unfinished experiment to resume."));
            // Runs that did not finish are trained again from their first epoch, with the stored validation
            // fraction, patience, weight decay, dropout and explanation variant, so every run of the experiment is
            // trained the same way.
            ExperimentSettings stored = new ExperimentSettings(Settings.parseTask(last.task()), last.models(), last.repeats(),
                    last.epochs(), last.validationFraction(), last.patience(), last.batchSize(), last.learningRate(), last.seed(),
                    Settings.parseFractions(last.trainFractions()), last.generator(), last.generatorModel(),
                    last.weightDecay(), last.dropout(), last.variant());
            stored.models().forEach(catalog::get);
            int aeEpochs = settings.autoencoderEpochs() != null ? settings.autoencoderEpochs() : stored.epochs();
            return experimentJob(project, stored, catalog, aeEpochs, last.id(), settings.ranking()).run(context);
        }));
    }

    /**
     * The candidates' explanation source: the experiment's generator writing a pair per candidate (the offline
     * reasoner, or an LLM at the Generate dialog's default endpoint), the nearest stored sample's pair, or the
     * nearest seed sample's pair of the reasoning pool.
     */
    private static RankingCandidates rankingCandidates(Project project, ExperimentSettings settings, Ranking ranking) {
        String generator = settings.generator();
        String model = settings.generatorModel();
        return new RankingCandidates(project.database(), project.dir(), (rows, hasPair) -> {
            String source = ranking.candidateExplanationsFor(generator,
                    ranking.candidateExplanations() == null
                            && PoolCandidateExplanations.madeWithPool(project.database(), generator, model));
            String writtenBy = ExperimentSettings.OFFLINE_GENERATOR.equals(generator) ? model : generator + " / " + model;
            if (Ranking.POOL.equals(source)) {
                // Matched like `lrw generate --pool` matches by default (the match a project was made with is not stored).
                return PoolCandidateExplanations.open(project.database(), generator, model,
                        dev.lrrecsys.workbench.explain.PoolMatch.of(GenerateExplanations.Settings.DEFAULT_POOL_MATCH), writtenBy);
            }
            if (Ranking.NEAREST.equals(source)) {
                return new NearestSampleExplanations(project.database(), rows, hasPair, writtenBy);
            }
            GenerateExplanations.Settings llm = GenerateExplanations.Settings.defaults();
            return new GeneratedCandidateExplanations(project.database(), Generators.create(generator,
                    new LlmSettings(llm.url(), model, llm.temperature(), llm.maxTokens(),
                            java.time.Duration.ofSeconds(llm.timeoutSeconds())), 1, RetryPolicy.DEFAULT));
        }, ranking.allowLlmCalls());
    }

    private static ExperimentJob experimentJob(Project project, ExperimentSettings settings, ModelCatalog catalog,
                                               int autoencoderEpochs, Long resumeId, Ranking ranking) {
        return new ExperimentJob(project.database(), project.modelsDir(), project.exportsDir(), settings, catalog,
                new AutoencoderCodeSource(project, autoencoderEpochs, settings.seed()), resumeId,
                rankingCandidates(project, settings, ranking));
    }
}
