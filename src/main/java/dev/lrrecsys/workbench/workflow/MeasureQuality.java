package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.insight.ExplanationQuality;
import dev.lrrecsys.workbench.factors.KeyFactorSet;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.Database;

/** "Measure explanation quality": redundancy, spuriousness and, on synthetic worlds, driver precision and recall. */
public final class MeasureQuality {

    /** Whose explanations; a null variant means every variant of the generator. */
    public record Settings(String generator, String variant) {

        public Settings {
            InvalidSettingException.require(generator != null && !generator.isBlank(), "generator", "generator must be named.");
            generator = generator.strip();
            if (variant != null && !variant.isBlank()) {
                variant = Variant.of(variant.strip()).key();
            } else {
                variant = null;
            }
        }
    }

    private MeasureQuality() {
    }

    public static ExplanationQuality.Figures measure(Project project, Settings settings) {
        return measure(project.database(), settings);
    }

    /** The same on an open project's database (the Explanations view). */
    public static ExplanationQuality.Figures measure(Database db, Settings settings) {
        return ExplanationQuality.measure(db, settings.generator(), settings.variant());
    }

    /** Whether `lrw factors` has found key factors: spuriousness counts named factors that are not among them. */
    public static boolean keyFactorsFound(Database db) {
        return KeyFactorSet.load(db).isPresent();
    }
}
