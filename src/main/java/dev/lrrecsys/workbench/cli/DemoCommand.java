package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.AutoencoderCodeSource;
import dev.lrrecsys.workbench.evaluate.ExperimentJob;
import dev.lrrecsys.workbench.evaluate.ExperimentSettings;
import dev.lrrecsys.workbench.evaluate.ModelCatalog;
import dev.lrrecsys.workbench.explain.ContrastiveExplanationJob;
import dev.lrrecsys.workbench.explain.ExplanationGenerator;
import dev.lrrecsys.workbench.explain.GenerationRequest;
import dev.lrrecsys.workbench.explain.GenerationSummary;
import dev.lrrecsys.workbench.explain.Generators;
import dev.lrrecsys.workbench.explain.LlmSettings;
import dev.lrrecsys.workbench.explain.RetryPolicy;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.project.SampleProjects;
import dev.lrrecsys.workbench.store.ProjectInfoRepository;
import dev.lrrecsys.workbench.ui.SampleProjectOpener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `lrw demo`: the main job on the embedded defaults (H2, offline reasoner, CPU), headless: the restaurant
 * sample project is copied and built, every sample gets its two explanations, and a short experiment compares
 * LR-Recsys with the baselines. The same jobs the window runs, one after the other.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on the restaurant sample: build the project, generate offline "
                + "explanations, train and compare the models (a short experiment).")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--sample", paramLabel = "DIR",
            description = "The sample folder to start from (default: the restaurant sample installed with the workbench, "
                    + "or sample-projects/restaurant-consumer in the working folder).")
    Path sample;

    @Option(names = {"-p", "--project"}, paramLabel = "DIR", defaultValue = "target/demo-project",
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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Project.exists(projectDir)) {
            Path from = sample != null ? sample : SampleProjectOpener.installedSample().orElseThrow(() ->
                    new WorkbenchException("No restaurant sample found next to the workbench or in the working folder "
                            + "(sample-projects/restaurant-consumer): pass --sample DIR."));
            SampleProjects.copyTo(from, projectDir);
            out.println("copied the sample " + from + " to " + projectDir);
        }
        try (Project p = Project.open(projectDir)) {
            p.database().read(tx -> new ProjectInfoRepository().summary(tx))
                    .forEach((k, v) -> out.println(k + ": " + v));
            try (ExplanationGenerator offline = Generators.create("offline",
                    new LlmSettings(LlmSettings.DEFAULT_OLLAMA_URL, LlmSettings.DEFAULT_OLLAMA_MODEL, 0.2, 120, Duration.ofSeconds(120)),
                    1, RetryPolicy.DEFAULT)) {
                GenerationSummary summary = ConsoleProgress.run(new ContrastiveExplanationJob(p.database(), offline,
                        new GenerationRequest(Variant.CONTRASTIVE, 0, false, GenerationRequest.OFFLINE_COMMIT_EVERY)), err);
                out.println(summary.describe());
            }
            ModelCatalog catalog = ModelCatalog.standard();
            ExperimentSettings settings = new ExperimentSettings(ExperimentCommand.parseTask("regression"),
                    models != null ? models : List.of(ModelCatalog.LR_RECSYS, "id-only", "mf"), repeats, epochs, 128,
                    ExperimentSettings.DEFAULT_LEARNING_RATE, 42, List.of(1.0),
                    ExperimentSettings.OFFLINE_GENERATOR, ExperimentSettings.OFFLINE_MODEL);
            settings.models().forEach(catalog::get);
            ExperimentCommand.print(ConsoleProgress.run(new ExperimentJob(p.database(), p.modelsDir(), p.exportsDir(),
                    settings, catalog, new AutoencoderCodeSource(p, epochs, settings.seed()), null), err), out);
            out.println("open it in the window: lrw ui --project " + p.dir());
        }
        return 0;
    }
}
