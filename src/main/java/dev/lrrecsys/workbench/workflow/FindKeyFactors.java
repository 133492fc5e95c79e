package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.factors.KeyFactorJob;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.Job;

/** "Find key factors": mask training on the training split, per dataset and, optionally, per segment value. */
public final class FindKeyFactors {

    /**
     * @param segment a consumer or product attribute (or "city") to find key factors per value of; null or blank
     *                for the whole dataset only
     * @param seed    seeds the masking and the shuffling of the rating model's training
     */
    public record Settings(String segment, long seed) {

        public static final long DEFAULT_SEED = 42;

        public Settings {
            segment = segment == null || segment.isBlank() ? null : segment.strip();
        }

        public static Settings defaults() {
            return new Settings(null, DEFAULT_SEED);
        }
    }

    private FindKeyFactors() {
    }

    public static Job<KeyFactorJob.Result> job(Project project, Settings settings) {
        return new KeyFactorJob(project.database(), settings.segment(), settings.seed());
    }
}
