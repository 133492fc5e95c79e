package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.ModelCatalog;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ProjectInfoRepository;
import dev.lrrecsys.workbench.workflow.GenerateExplanations;
import dev.lrrecsys.workbench.workflow.OpenSampleProject;
import dev.lrrecsys.workbench.workflow.TrainAndEvaluate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `lrw demo`: the main job on the embedded defaults (H2, offline reasoner, CPU), headless: the workflows the window
 * runs, one after the other: open the restaurant sample (copied and built), generate its explanations, train and
 * compare LR-Recsys with the baselines in a short experiment.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on the restaurant sample: build the project, generate offline "
                + "explanations, train and compare the models (a short experiment).")
public final class DemoCommand implements Callable<Integer> {

    static final String DEFAULT_PROJECT = "target/demo-project";

    @Option(names = "--sample", paramLabel = "DIR",
            description = "The sample folder to start from (default: the restaurant sample installed with the workbench, "
                    + "or sample-projects/restaurant-consumer in the working folder).")
    Path sample;

    @Option(names = {"-p", "--project"}, paramLabel = "DIR", defaultValue = DEFAULT_PROJECT,
            description = "Where the demo project is made; reused when it exists (default: ${DEFAULT-VALUE}).")
    Path projectDir;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "10",
            description = "Training epochs per model and for the autoencoder (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "2",
            description = "Runs per model (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--models", paramLabel = "a,b,c", split = ",",
            description = "Models to compare (default: lr-recsys, id-only, mf).")
    List<String> models;

    @Spec
    CommandSpec spec;

    /** The sample to open: the window's "Open sample project", copied to the demo's folder instead. */
    public OpenSampleProject.Settings sampleSettings() {
        OpenSampleProject.Settings installed = OpenSampleProject.Settings.forThisInstall().withCopy(projectDir);
        return sample != null ? installed.withSample(sample) : installed;
    }

    /** A short experiment: fewer repeats and epochs than `lrw experiment`, three models. */
    public TrainAndEvaluate.Settings trainingSettings() {
        return TrainAndEvaluate.Settings.defaults()
                .withModels(models != null ? models : List.of(ModelCatalog.LR_RECSYS, "id-only", "mf"))
                .withRuns(repeats, epochs);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OpenSampleProject.Settings opening = sampleSettings();
        TrainAndEvaluate.Settings training = trainingSettings();
        if (opening.sample() == null && opening.needsCopy()) {
            throw new WorkbenchException("No restaurant sample found next to the workbench or in the working folder "
                    + "(sample-projects/restaurant-consumer): pass --sample DIR.");
        }
        if (opening.needsCopy()) {
            out.println("copied the sample " + opening.sample() + " to " + projectDir);
        }
        try (Project p = ConsoleProgress.run(OpenSampleProject.job(opening), err)) {
            p.database().read(tx -> new ProjectInfoRepository().summary(tx))
                    .forEach((k, v) -> out.println(k + ": " + v));
            GenerateExplanations.Outcome generated = ConsoleProgress.run(
                    GenerateExplanations.job(p, GenerateExplanations.Settings.defaults()), err);
            out.println(generated.summary().describe());
            ExperimentCommand.print(ConsoleProgress.run(TrainAndEvaluate.job(p, training), err), out);
            out.println("open it in the window: lrw ui --project " + p.dir());
        }
        return 0;
    }
}
