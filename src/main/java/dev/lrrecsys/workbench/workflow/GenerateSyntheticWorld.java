package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.ingest.synth.RestaurantWorldGenerator;
import dev.lrrecsys.workbench.ingest.synth.SynthSettings;
import dev.lrrecsys.workbench.ingest.synth.SynthSummary;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.Job;

/** "Synthetic world": a restaurant world with a known ground truth, written into an empty project. */
public final class GenerateSyntheticWorld {

    private GenerateSyntheticWorld() {
    }

    public static Job<SynthSummary> job(Project project, SynthSettings settings) {
        return new RestaurantWorldGenerator(project.database(), settings);
    }
}
