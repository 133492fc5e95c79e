package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.insight.KeywordIndexJob;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.task.Job;

/** "Build keyword index": the keyword precompute of one generator/model's explanations (generation does it too). */
public final class BuildKeywordIndex {

    private BuildKeywordIndex() {
    }

    public static Job<KeywordIndexJob.Result> job(Project project, KeywordRepository.Source source) {
        return new KeywordIndexJob(project.database(), source);
    }
}
