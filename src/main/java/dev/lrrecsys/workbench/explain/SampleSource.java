package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.task.TaskContext;

/**
 * Derives the project's samples when it has none, so that generating explanations on a freshly imported
 * project just works. The CLI plugs in the sample derivation job.
 */
@FunctionalInterface
public interface SampleSource {

    /** Derives and stores the samples; returns how many there are. */
    long deriveSamples(TaskContext context) throws Exception;
}
