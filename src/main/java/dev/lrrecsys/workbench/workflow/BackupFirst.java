package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.project.ProjectBackup;
import dev.lrrecsys.workbench.task.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A large job preceded by the project's one backup ({@link ProjectBackup}): if the job's writes, a full disk or a
 * crash damage the database, the state before it can be restored.
 */
final class BackupFirst {

    private static final Logger LOG = LoggerFactory.getLogger(BackupFirst.class);

    private BackupFirst() {
    }

    static <R> Job<R> of(Project project, Job<R> job) {
        return new WorkflowJob<>(job.title(), context -> {
            context.message("backing up the project to " + ProjectBackup.DIR + "/" + ProjectBackup.FILE_NAME);
            long bytes = ProjectBackup.take(project);
            LOG.info("Backed up {} to {} ({} bytes)", project.dir(), ProjectBackup.file(project.dir()), bytes);
            context.checkCancelled();
            return job.run(context);
        });
    }
}
