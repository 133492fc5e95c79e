package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.ingest.synth.SynthSettings;
import dev.lrrecsys.workbench.ingest.synth.SynthSummary;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.GenerateSyntheticWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `lrw synth`: writes a synthetic restaurant world with a known ground truth into a new project. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Write a synthetic restaurant world (restaurants, consumers with hidden preferences, "
                + "rated visits in time order) into a new or empty project.",
                "The hidden preferences go to the table ground_truth; the same --seed gives the same world."})
public final class SynthCommand implements Callable<Integer> {

    @Option(names = {"-p", "--project"}, required = true, paramLabel = "DIR",
            description = "The project folder; created when it holds no project yet.")
    java.nio.file.Path dir;

    @Option(names = "--consumers", paramLabel = "N", defaultValue = "1000", description = "Consumers (default: ${DEFAULT-VALUE}).")
    int consumers;

    @Option(names = "--products", paramLabel = "M", defaultValue = "200", description = "Restaurants (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--interactions", paramLabel = "K", defaultValue = "20000",
            description = "Rated visits, at least N and at most N x M (default: ${DEFAULT-VALUE}).")
    long interactions;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SynthSettings settings = new SynthSettings(consumers, products, interactions, seed);
        PrintWriter out = spec.commandLine().getOut();
        try (Project project = Project.exists(dir) ? Project.open(dir) : Project.create(dir)) {
            SynthSummary s = ConsoleProgress.run(GenerateSyntheticWorld.job(project, settings),
                    spec.commandLine().getErr());
            out.println("project: " + project.dir());
            out.println("consumers: " + s.consumers());
            out.println("products: " + s.products());
            out.println("interactions: " + s.interactions());
            out.println("ground truth preferences: " + s.groundTruthRows());
            out.println(String.format(Locale.ROOT, "time: %.1f s (%.0f interactions/s)", s.seconds(),
                    s.interactionsPerSecond()));
        }
        return 0;
    }
}
