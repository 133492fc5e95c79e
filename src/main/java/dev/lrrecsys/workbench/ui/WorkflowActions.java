package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.ui.factors.SegmentChoiceDialog;
import dev.lrrecsys.workbench.ui.importer.ImportDialog;
import dev.lrrecsys.workbench.ui.importer.ImportViewModel;
import dev.lrrecsys.workbench.ui.settings.GeneratorSettingsDialog;
import dev.lrrecsys.workbench.ui.settings.GeneratorSettingsViewModel;
import dev.lrrecsys.workbench.ui.settings.TrainingSettingsDialog;
import dev.lrrecsys.workbench.ui.settings.TrainingSettingsViewModel;
import dev.lrrecsys.workbench.workflow.BuildKeywordIndex;
import dev.lrrecsys.workbench.workflow.FindKeyFactors;
import dev.lrrecsys.workbench.workflow.GenerateExplanations;
import dev.lrrecsys.workbench.workflow.ImportDataset;
import dev.lrrecsys.workbench.workflow.TrainAndEvaluate;
import javafx.stage.Stage;

import java.util.List;
import java.util.function.Supplier;

/**
 * The Run menu's actions: each dialog's choices are mapped onto the workflow's settings record, whose job runs in
 * the task panel: the same workflows, defaults and messages as the CLI.
 */
final class WorkflowActions {

    private final Stage stage;
    private final MainWindowViewModel viewModel;
    private final WindowJobs jobs;
    private final ProjectLifecycle lifecycle;
    private final Runnable showRuns;
    private final Supplier<KeywordRepository.Source> shownKeywordSource;

    /** @param shownKeywordSource the source the Keywords view shows, or null when it is not open */
    WorkflowActions(Stage stage, MainWindowViewModel viewModel, WindowJobs jobs, ProjectLifecycle lifecycle,
                    Runnable showRuns, Supplier<KeywordRepository.Source> shownKeywordSource) {
        this.stage = stage;
        this.viewModel = viewModel;
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        this.showRuns = showRuns;
        this.shownKeywordSource = shownKeywordSource;
    }

    /** With no project open (menu or start screen alike), asks for a folder for a new one, then imports into it. */
    void importDataset() {
        Project project = viewModel.project();
        if (project == null) {
            lifecycle.newProjectThen("Import dataset: choose an empty folder for the new project", this::importDataset);
            return;
        }
        ImportDialog dialog = new ImportDialog(stage, new ImportViewModel(jobs.background()));
        dialog.dialog().setOnHidden(e -> {
            ImportViewModel chosen = dialog.dialog().getResult();
            if (chosen != null && project == viewModel.project()) {
                start("Import dataset", () -> jobs.run(ImportDataset.job(project, chosen.settings())));
            }
        });
        dialog.dialog().show();
    }

    /** Opens the generator settings (non-blocking); in generate mode, its Generate button starts the run. */
    GeneratorSettingsDialog openGeneratorDialog(Project project, boolean generate) {
        GeneratorSettingsViewModel settings = new GeneratorSettingsViewModel(jobs.background(),
                viewModel.preferences().generatorSettings());
        GeneratorSettingsDialog dialog = new GeneratorSettingsDialog(stage, settings, project, generate);
        dialog.dialog().setOnHidden(e -> {
            GeneratorSettings chosen = dialog.dialog().getResult();
            if (chosen != null) {
                viewModel.preferences().setGeneratorSettings(chosen);
                if (generate && project != null && project == viewModel.project()) {
                    // The workflow re-indexes the keywords after generating, as `lrw generate` does.
                    GenerateExplanations.Settings run = dialog.generation();
                    start("Generate explanations", () -> jobs.run(GenerateExplanations.job(project, run)));
                }
            }
        });
        dialog.dialog().show();
        return dialog;
    }

    void buildKeywordIndex() {
        Project project = viewModel.project();
        if (project == null) {
            return;
        }
        KeywordRepository.Source chosen = shownKeywordSource.get();
        jobs.background().load(new ReadJob<>("Keyword sources", project.database(), tx -> new KeywordRepository().indexableSources(tx)),
                sources -> {
                    List<KeywordRepository.Source> todo = chosen != null && sources.contains(chosen) ? List.of(chosen) : sources;
                    if (todo.isEmpty()) {
                        jobs.fail("Build keyword index", new WorkbenchException(
                                "No 'ok' contrastive explanations to index: generate explanations first."));
                    }
                    todo.forEach(s -> jobs.run(BuildKeywordIndex.job(project, s)));
                }, e -> jobs.fail("Build keyword index", e));
    }

    /** Asks for the segment attribute (or the whole dataset only), then finds the key factors. */
    void askKeyFactors() {
        Project project = viewModel.project();
        if (project != null) {
            SegmentChoiceDialog.ask(stage, jobs.background(), project, null, chosen -> {
                if (project == viewModel.project()) {
                    findKeyFactors(chosen);
                }
            }, e -> jobs.fail("Find key factors", e));
        }
    }

    void findKeyFactors(FindKeyFactors.Settings settings) {
        Project project = viewModel.project();
        if (project != null) {
            start("Find key factors", () -> jobs.run(FindKeyFactors.job(project, settings)));
        }
    }

    void train() {
        Project project = viewModel.project();
        if (project == null) {
            return;
        }
        TrainingSettingsViewModel settings = TrainingSettingsViewModel.withDefaults();
        settings.restore(viewModel.preferences().trainingChoices());
        settings.detectBackend(jobs.background());
        settings.loadSources(jobs.background(), project);
        settings.loadTimings(jobs.background(), project);
        TrainingSettingsDialog dialog = new TrainingSettingsDialog(stage, settings);
        dialog.dialog().setOnHidden(e -> {
            if (dialog.dialog().getResult() != null && project == viewModel.project()) {
                viewModel.preferences().setTrainingChoices(settings.choices());
                start("Train and evaluate", () -> {
                    jobs.run(TrainAndEvaluate.job(project, settings.settings()));
                    showRuns.run();
                });
            }
        });
        dialog.dialog().show();
    }

    /** Settings the workflow refuses never start a job: the error dialog says which setting to fix. */
    private void start(String action, Runnable starting) {
        try {
            starting.run();
        } catch (WorkbenchException invalid) {
            jobs.fail(action, invalid);
        }
    }
}
