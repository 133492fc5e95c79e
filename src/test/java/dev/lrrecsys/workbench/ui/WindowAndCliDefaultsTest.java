package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.cli.DemoCommand;
import dev.lrrecsys.workbench.cli.ExperimentCommand;
import dev.lrrecsys.workbench.cli.GenerateCommand;
import dev.lrrecsys.workbench.cli.ImportCommand;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.ui.importer.ImportViewModel;
import dev.lrrecsys.workbench.ui.settings.GeneratorSettingsViewModel;
import dev.lrrecsys.workbench.ui.settings.TrainingSettingsViewModel;
import dev.lrrecsys.workbench.workflow.GenerateExplanations;
import dev.lrrecsys.workbench.workflow.ImportDataset;
import dev.lrrecsys.workbench.workflow.OpenSampleProject;
import dev.lrrecsys.workbench.workflow.TrainAndEvaluate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window and the CLI start every workflow from the same settings: each dialog's view model with untouched inputs
 * gives the record that its command gives when parsed with no options (the project folder aside).
 */
class WindowAndCliDefaultsTest {

    private static final String PREFS = "dev/lrrecsys/workbench-defaults-test-" + ProcessHandle.current().pid();

    @TempDir
    Path tmp;

    @AfterEach
    void forget() throws Exception {
        Preferences.userRoot().node(PREFS).removeNode();
    }

    private static <T> T parsed(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void trainAndEvaluate() {
        TrainAndEvaluate.Settings window = TrainingSettingsViewModel.withDefaults().settings();
        TrainAndEvaluate.Settings cli = parsed(new ExperimentCommand(), "--project", tmp.toString()).settings();
        assertThat(window).isEqualTo(cli).isEqualTo(TrainAndEvaluate.Settings.defaults());
        assertThat(window.epochs()).isEqualTo(20);
        assertThat(window.autoencoderEpochsOrDefault()).isEqualTo(20);
        assertThat(window.generator()).isEqualTo("offline");
    }

    @Test
    void generateExplanations() {
        WorkbenchPreferences fresh = new WorkbenchPreferences(Preferences.userRoot().node(PREFS));
        GenerateExplanations.Settings window = new GeneratorSettingsViewModel(new DirectBackground(), fresh.generatorSettings())
                .settings().generation();
        GenerateExplanations.Settings cli = parsed(new GenerateCommand(), "--project", tmp.toString()).settings();
        assertThat(window).isEqualTo(cli).isEqualTo(GenerateExplanations.Settings.defaults());
        assertThat(List.of(window.url(), window.model(), window.temperature(), window.maxTokens(), window.timeoutSeconds(),
                window.concurrency())).containsExactly("http://localhost:11434", "llama3.1", 0.2, 120, 120, 4);
    }

    @Test
    void importDataset() {
        Path data = tmp.resolve("ratings.csv");
        ImportViewModel dialog = new ImportViewModel(new DirectBackground());
        dialog.pathProperty().set(data.toString());
        ImportDataset.Settings window = dialog.settings();
        ImportDataset.Settings cli = parsed(new ImportCommand(), "--project", tmp.toString(), "--format", "csv",
                data.toString()).settings();
        assertThat(window).isEqualTo(cli).isEqualTo(ImportDataset.Settings.of(ImportFormat.CSV, List.of(data)));
    }

    @Test
    void openSampleProject() {
        OpenSampleProject.Settings window = OpenSampleProject.Settings.forThisInstall();
        OpenSampleProject.Settings demo = parsed(new DemoCommand()).sampleSettings();
        // The same installed sample; the demo builds its copy in target/demo-project instead of ~/.lrw/projects.
        assertThat(demo).isEqualTo(window.withCopy(Path.of("target/demo-project")));
        assertThat(window.sample()).isEqualTo(Path.of("sample-projects", "restaurant-consumer").toAbsolutePath());
    }
}
