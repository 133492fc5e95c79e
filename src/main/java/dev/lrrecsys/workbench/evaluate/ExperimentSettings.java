package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.model.Regularisation;
import dev.lrrecsys.workbench.model.TrainingSettings;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one `lrw experiment` trains: the models, how often, how long, on which share of the training data,
 * and whose explanations feed them.
 *
 * @param epochs          the most epochs a run trains
 * @param validationFraction share of each consumer's training samples (the last ones) held out for early stopping
 * @param patience        epochs without a better validation metric before a run stops (0: train all epochs)
 * @param seed            repeat k (0-based) trains with seed + k, for every model alike
 * @param trainFractions  learning efficiency: each value keeps that share of every consumer's training samples
 * @param weightDecay     L2 penalty of every network's parameters (see {@link TrainingSettings})
 * @param dropout         dropout on the first hidden layer of the networks that have one
 * @param variant         whose pairs the explanation features encode: contrastive or concise
 */
public record ExperimentSettings(PredictionTask task, List<String> models, int repeats, int epochs,
                                 double validationFraction, int patience, int batchSize,
                                 double learningRate, long seed, List<Double> trainFractions, String generator,
                                 String generatorModel, double weightDecay, double dropout, String variant) {

    /** The paper's variant, and what every experiment read before the variant could be chosen. */
    public static final String CONTRASTIVE = "contrastive";

    /** On the contrastive pairs. */
    public ExperimentSettings(PredictionTask task, List<String> models, int repeats, int epochs,
                              double validationFraction, int patience, int batchSize, double learningRate, long seed,
                              List<Double> trainFractions, String generator, String generatorModel, double weightDecay,
                              double dropout) {
        this(task, models, repeats, epochs, validationFraction, patience, batchSize, learningRate, seed, trainFractions,
                generator, generatorModel, weightDecay, dropout, CONTRASTIVE);
    }

    /**
     * Weight decay chosen on the validation metric of synthetic worlds 7 and 8 (docs/experiments.md, "Choosing the
     * regularisation defaults"): 1e-5 lowered the validation RMSE of every model on both worlds, more than any
     * dropout; 1e-4 made MF worse, 1e-3 hurt every model.
     */
    public static final double DEFAULT_WEIGHT_DECAY = 1e-5;
    /** Dropout on the same figures: 0.1 and 0.2 helped less than weight decay 1e-5 (their mix was not measured). */
    public static final double DEFAULT_DROPOUT = 0;

    /** Without regularisation. */
    public ExperimentSettings(PredictionTask task, List<String> models, int repeats, int epochs,
                              double validationFraction, int patience, int batchSize, double learningRate, long seed,
                              List<Double> trainFractions, String generator, String generatorModel) {
        this(task, models, repeats, epochs, validationFraction, patience, batchSize, learningRate, seed, trainFractions,
                generator, generatorModel, 0, 0);
    }

    /** The paper's recommender learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    public static final String OFFLINE_GENERATOR = "offline";
    /** The model name the offline generator stores with its explanations. */
    public static final String OFFLINE_MODEL = "offline reasoner (no LLM)";

    /** More than half the training samples held out would leave the networks too little to train on. */
    public static final double MAX_VALIDATION_FRACTION = 0.5;

    public static String validationFractionMessage(double fraction) {
        return "validation fraction must be in [0, " + MAX_VALIDATION_FRACTION + "], got " + fraction + ".";
    }

    public static String patienceMessage(int patience) {
        return "patience must be 0 (no early stopping) or more, got " + patience + ".";
    }

    public ExperimentSettings {
        if (models.isEmpty()) {
            throw new WorkbenchException("Choose at least one model.");
        }
        if (repeats < 1) {
            throw new WorkbenchException("repeats must be at least 1, got " + repeats + ".");
        }
        if (epochs < 1) {
            throw new WorkbenchException("epochs must be at least 1, got " + epochs + ".");
        }
        if (!(validationFraction >= 0 && validationFraction <= MAX_VALIDATION_FRACTION)) {
            throw new WorkbenchException(validationFractionMessage(validationFraction));
        }
        if (patience < 0) {
            throw new WorkbenchException(patienceMessage(patience));
        }
        if (batchSize < 1) {
            throw new WorkbenchException("batch size must be at least 1, got " + batchSize + ".");
        }
        if (!(learningRate > 0)) {
            throw new WorkbenchException("learning rate must be positive, got " + learningRate + ".");
        }
        if (!Regularisation.validWeightDecay(weightDecay)) {
            throw new WorkbenchException(Regularisation.weightDecayMessage(weightDecay));
        }
        if (!Regularisation.validDropout(dropout)) {
            throw new WorkbenchException(Regularisation.dropoutMessage(dropout));
        }
        for (double f : trainFractions) {
            if (!(f > 0 && f <= 1)) {
                throw new WorkbenchException("A training fraction must be in (0, 1], got " + f + ".");
            }
        }
        if (Variant.pairOrNull(variant) == null) {
            throw new WorkbenchException(Variant.notAPairMessage(variant));
        }
        models = List.copyOf(models);
        trainFractions = trainFractions.stream().sorted().distinct().collect(Collectors.toList());
    }

    /** "0.12,0.25,0.5,1.0", as stored with the experiment. */
    public String fractionsText() {
        return trainFractions.stream().map(f -> String.format(Locale.ROOT, "%s", f)).collect(Collectors.joining(","));
    }

    public static List<Double> parseFractions(String text) {
        try {
            return java.util.Arrays.stream(text.split(",")).map(String::trim).map(Double::parseDouble)
                    .collect(Collectors.toList());
        } catch (NumberFormatException e) {
            throw new WorkbenchException("Training fractions must be numbers like 0.25,0.5,1.0, got '" + text + "'.");
        }
    }
}
