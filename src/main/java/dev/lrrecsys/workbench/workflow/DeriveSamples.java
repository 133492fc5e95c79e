package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.samples.SampleDerivation;
import dev.lrrecsys.workbench.samples.SampleDerivationJob;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.Job;

/** "Derive samples": the samples and their fixed time split (generation does it by itself when they are missing). */
public final class DeriveSamples {

    private DeriveSamples() {
    }

    /** @param rederive delete the samples and derive them again (refused once results refer to them) */
    public static Job<SampleDerivation> job(Project project, boolean rederive) {
        return new SampleDerivationJob(project.database(), rederive);
    }
}
