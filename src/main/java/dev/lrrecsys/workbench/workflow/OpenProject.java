package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.Job;

import java.nio.file.Path;

/**
 * Opens a project folder; a sample folder whose database is not built yet gets it built from its data first
 * (with progress and cancel, see {@link OpenSampleProject}).
 */
public final class OpenProject {

    private OpenProject() {
    }

    /** True when opening the folder builds a sample's database first (worth showing progress for). */
    public static boolean buildsFirst(Path dir) {
        return SampleBuild.needed(dir.toAbsolutePath().normalize());
    }

    public static Job<Project> job(Path dir) {
        return new WorkflowJob<>("Open project " + dir.toAbsolutePath().normalize().getFileName(),
                context -> buildsFirst(dir) ? SampleBuild.build(dir, context) : Project.open(dir));
    }
}
