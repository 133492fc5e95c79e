package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.evaluate.ProjectAutoencoderStore;
import dev.lrrecsys.workbench.explain.OfflineContrastiveReasoner;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.model.AutoencoderSettings;
import dev.lrrecsys.workbench.model.ExplanationAutoencoderJob;
import dev.lrrecsys.workbench.model.Regularisation;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.Job;

/**
 * "Train the explanation autoencoder" on its own (TrainAndEvaluate does it by itself when the codes are missing):
 * trains on one generator's training-split explanation pairs of one variant and stores the code of every
 * explanation.
 */
public final class TrainAutoencoder {

    /**
     * Whose explanations, and how to train; a null model means the offline reasoner's, or the LLM default; a null
     * variant the contrastive pairs (the paper's), else contrastive or concise.
     */
    public record Settings(String generator, String model, String variant, AutoencoderSettings training) {

        public static final int PAPER_EPOCHS = 100;
        public static final String DEFAULT_VARIANT = "contrastive";

        /** On the contrastive pairs. */
        public Settings(String generator, String model, AutoencoderSettings training) {
            this(generator, model, DEFAULT_VARIANT, training);
        }

        public Settings {
            if (variant == null || variant.isBlank()) {
                variant = DEFAULT_VARIANT;
            }
            InvalidSettingException.require(Variant.pairOrNull(variant) != null, "variant", Variant.notAPairMessage(variant));
            InvalidSettingException.require(generator != null && !generator.isBlank(), "generator", "generator must be named.");
            if (model == null || model.isBlank()) {
                model = GenerateExplanations.Settings.OFFLINE.equals(generator) ? OfflineContrastiveReasoner.MODEL
                        : GenerateExplanations.Settings.DEFAULT_MODEL;
            }
            InvalidSettingException.require(training.epochs() >= 1, "epochs", "epochs must be at least 1, got " + training.epochs() + ".");
            InvalidSettingException.require(training.batchSize() >= 1, "batch", "batch must be at least 1, got " + training.batchSize() + ".");
            InvalidSettingException.require(training.learningRate() > 0 && Double.isFinite(training.learningRate()),
                    "learning rate", "learning rate must be positive, got " + training.learningRate() + ".");
            InvalidSettingException.require(Regularisation.validWeightDecay(training.weightDecay()), "weight decay",
                    Regularisation.weightDecayMessage(training.weightDecay()));
            InvalidSettingException.require(Regularisation.validDropout(training.dropout()), "dropout",
                    Regularisation.dropoutMessage(training.dropout()));
            InvalidSettingException.require(training.minCount() >= 1, "min count",
                    "min count must be at least 1, got " + training.minCount() + ".");
            InvalidSettingException.require(training.maxVocabulary() >= 3, "max vocabulary",
                    "max vocabulary must be at least 3 (<pad>, <unk> and one word), got " + training.maxVocabulary() + ".");
        }
    }

    private TrainAutoencoder() {
    }

    public static Job<ExplanationAutoencoderJob.Result> job(Project project, Settings settings) {
        return new ExplanationAutoencoderJob(new ProjectAutoencoderStore(project), project.modelsDir(), settings.generator(),
                settings.model(), settings.variant(), settings.training());
    }
}
