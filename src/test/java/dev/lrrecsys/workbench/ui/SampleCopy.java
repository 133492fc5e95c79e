package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.explain.ContrastiveExplanationJob;
import dev.lrrecsys.workbench.explain.GenerationRequest;
import dev.lrrecsys.workbench.explain.OfflineGenerator;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.project.SampleProjects;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.workflow.OpenProject;

import java.nio.file.Path;

/** The repository's restaurant sample, copied to a temporary folder and opened (which builds its database). */
public final class SampleCopy {

    private SampleCopy() {
    }

    public static Project open(Path tmp) {
        Path copy = SampleProjects.copyTo(Path.of("sample-projects", "restaurant-consumer"), tmp.resolve("restaurant-consumer"));
        try {
            return OpenProject.job(copy).run(TaskContext.silent());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the sample copy " + copy, e);
        }
    }

    /** Opens the copy and writes the offline reasoner's contrastive explanations for every sample. */
    public static Project openWithExplanations(Path tmp) throws Exception {
        Project p = open(tmp);
        try (OfflineGenerator g = new OfflineGenerator()) {
            new ContrastiveExplanationJob(p.database(), g, new GenerationRequest(Variant.CONTRASTIVE, 0, false,
                    GenerationRequest.OFFLINE_COMMIT_EVERY)).run(TaskContext.silent());
        }
        return p;
    }
}
