package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.explain.AlignmentScoringJob;
import dev.lrrecsys.workbench.explain.OfflineContrastiveReasoner;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.Job;

/**
 * "Alignment scores" (ExpCTR, adapted; docs/alignment.md): fits the LC probe and the ID-only reference on the
 * training split and stores the LC and IC of every explanation pair of one generator and model.
 */
public final class ScoreExplanations {

    /** Whose explanations; a null or blank model means the offline reasoner's, or the LLM default. */
    public record Settings(String generator, String model) {

        public Settings {
            InvalidSettingException.require(generator != null && !generator.isBlank(), "generator", "generator must be named.");
            generator = generator.strip();
            if (model == null || model.isBlank()) {
                model = GenerateExplanations.Settings.OFFLINE.equals(generator) ? OfflineContrastiveReasoner.MODEL
                        : GenerateExplanations.Settings.DEFAULT_MODEL;
            }
        }

        /** The offline reasoner's explanations: what both front ends start from. */
        public static Settings defaults() {
            return new Settings(GenerateExplanations.Settings.OFFLINE, null);
        }
    }

    private ScoreExplanations() {
    }

    public static Job<AlignmentScoringJob.Summary> job(Project project, Settings settings) {
        return new AlignmentScoringJob(project.database(), settings.generator(), settings.model(), Variant.CONTRASTIVE);
    }
}
