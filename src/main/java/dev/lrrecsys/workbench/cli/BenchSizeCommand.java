package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.ingest.synth.SynthSettings;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.DeriveSamples;
import dev.lrrecsys.workbench.workflow.GenerateExplanations;
import dev.lrrecsys.workbench.workflow.GenerateSyntheticWorld;
import dev.lrrecsys.workbench.workflow.TrainAndEvaluate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * `lrw bench size`: how large a project's file is after a whole pipeline (synthetic world, samples, offline
 * generation, a short experiment, each in its own session as the CLI runs them) against what H2's SHUTDOWN COMPACT
 * reaches on it. The headline is the ratio.
 */
@Command(name = "size", mixinStandardHelpOptions = true,
        description = "Project file size after synth, samples, generate and an experiment, against SHUTDOWN COMPACT.")
public final class BenchSizeCommand implements Callable<Integer> {

    @Option(names = "--interactions", defaultValue = "100000", description = "Synthetic interactions (default ${DEFAULT-VALUE}).")
    long interactions;

    @Option(names = "--work", paramLabel = "DIR", required = true, description = "A new or empty folder for the project.")
    Path work;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = work.toAbsolutePath().normalize().resolve("project");
        if (Files.exists(dir)) {
            throw new WorkbenchException(dir + " exists: name a new or empty --work folder");
        }
        int consumers = (int) Math.max(10, interactions / 20);
        Project.create(dir).close();
        step(dir, out, "synth", p -> ConsoleProgress.run(GenerateSyntheticWorld.job(p,
                new SynthSettings(consumers, (int) Math.max(10, consumers / 16), interactions, 100)), err));
        step(dir, out, "samples", p -> ConsoleProgress.run(DeriveSamples.job(p, false), err));
        step(dir, out, "generate", p -> ConsoleProgress.run(GenerateExplanations.job(p,
                GenerateExplanations.Settings.defaults()), err));
        step(dir, out, "experiment", p -> ConsoleProgress.run(TrainAndEvaluate.job(p, TrainAndEvaluate.Settings.defaults()
                .withModels(List.of("lr-recsys", "id-only", "mf")).withRuns(1, 2)), err));
        long closed = Files.size(dir.resolve(Project.DB_FILE_NAME));
        try (Project p = Project.open(dir)) {
            p.compactOnClose();
        }
        long compacted = Files.size(dir.resolve(Project.DB_FILE_NAME));
        out.printf(Locale.ROOT, "workbench.mv.db after the last close: %.1f MB%n", closed / 1e6);
        out.printf(Locale.ROOT, "after SHUTDOWN COMPACT: %.1f MB%n", compacted / 1e6);
        out.printf(Locale.ROOT, "ratio to SHUTDOWN COMPACT: %.2f%n", closed / (double) compacted);
        return 0;
    }

    private interface Step {
        void run(Project p) throws Exception;
    }

    /** One CLI-like session: open, run, close (the close compacts a mostly dead file); prints the size after it. */
    private static void step(Path dir, PrintWriter out, String name, Step step) throws Exception {
        long t0 = System.nanoTime();
        try (Project p = Project.open(dir)) {
            step.run(p);
        }
        out.printf(Locale.ROOT, "%s: %.1f s, workbench.mv.db %.1f MB after close%n", name, (System.nanoTime() - t0) / 1e9,
                size(dir) / 1e6);
        out.flush();
    }

    private static long size(Path dir) throws IOException {
        return Files.size(dir.resolve(Project.DB_FILE_NAME));
    }
}
