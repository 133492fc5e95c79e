package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.explain.AlignmentScoringJob;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.ScoreExplanations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** `lrw scores`: LC and IC alignment scores of every explanation pair, stored, and their distribution printed. */
@Command(name = "scores", mixinStandardHelpOptions = true,
        description = "Alignment scores (ExpCTR, adapted): fit a probe that predicts the rating from the explanation "
                + "pair alone and an ID-only model on the training split, store every pair's LC (probe vs observed "
                + "rating) and IC (probe vs ID-only model), and print their distribution (docs/alignment.md).")
public final class ScoresCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--generator", defaultValue = "offline", paramLabel = "NAME",
            description = "Whose explanations: offline, ollama or openai-compatible (default: ${DEFAULT-VALUE}).")
    String generator;

    @Option(names = "--model", paramLabel = "M",
            description = "The generator's model (default: the offline reasoner, or llama3.1 for an LLM).")
    String model;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ScoreExplanations.Settings settings = new ScoreExplanations.Settings(generator, model);
        try (Project p = project.open()) {
            AlignmentScoringJob.Summary s = ConsoleProgress.run(ScoreExplanations.job(p, settings),
                    spec.commandLine().getErr());
            PrintWriter out = spec.commandLine().getOut();
            out.print(s.describe());
            out.flush();
        }
        return 0;
    }
}
