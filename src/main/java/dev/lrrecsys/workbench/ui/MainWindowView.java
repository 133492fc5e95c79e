package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.explain.ContrastiveExplanationJob;
import dev.lrrecsys.workbench.explain.ExplanationGenerator;
import dev.lrrecsys.workbench.evaluate.AutoencoderCodeSource;
import dev.lrrecsys.workbench.evaluate.ExperimentJob;
import dev.lrrecsys.workbench.evaluate.ExperimentSettings;
import dev.lrrecsys.workbench.evaluate.ModelCatalog;
import dev.lrrecsys.workbench.ingest.ImportJob;
import dev.lrrecsys.workbench.insight.KeywordIndexJob;
import dev.lrrecsys.workbench.ui.importer.ImportDialog;
import dev.lrrecsys.workbench.ui.importer.ImportViewModel;
import dev.lrrecsys.workbench.ui.attention.AttentionView;
import dev.lrrecsys.workbench.ui.comparison.ComparisonView;
import dev.lrrecsys.workbench.ui.inspector.CaseView;
import dev.lrrecsys.workbench.ui.runs.RunsView;
import dev.lrrecsys.workbench.ui.settings.TrainingSettingsDialog;
import dev.lrrecsys.workbench.ui.settings.TrainingSettingsViewModel;
import dev.lrrecsys.workbench.ui.uncertainty.UncertaintyView;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExplanationFilter;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TrackedTask;
import dev.lrrecsys.workbench.ui.dataset.DatasetView;
import dev.lrrecsys.workbench.ui.explanations.ExplanationsView;
import dev.lrrecsys.workbench.ui.keywords.KeywordsView;
import dev.lrrecsys.workbench.ui.settings.GeneratorSettingsDialog;
import dev.lrrecsys.workbench.ui.settings.GeneratorSettingsViewModel;
import dev.lrrecsys.workbench.ui.start.StartActions;
import dev.lrrecsys.workbench.ui.start.StartView;
import dev.lrrecsys.workbench.ui.start.StartViewModel;
import dev.lrrecsys.workbench.ui.tasks.TaskPanelView;
import dev.lrrecsys.workbench.ui.tasks.TaskPanelViewModel;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The workbench window (MainWindow.fxml): menus with accelerators, the project navigator, the views as tabs
 * and the task panel. It owns the dialogs; state lives in {@link MainWindowViewModel}.
 */
public final class MainWindowView implements Navigation, StartActions {

    private final Stage stage;
    private final WorkbenchPreferences preferences;
    private final ThemeManager theme;
    private final FxBackground background;
    private final ErrorDialog errorDialog;
    private final MainWindowViewModel viewModel;
    private final TaskPanelViewModel taskPanel = new TaskPanelViewModel(Platform::runLater);
    private final StartViewModel startViewModel;
    private final Map<ViewKind, Tab> tabs = new EnumMap<>(ViewKind.class);
    private final Map<ViewKind, WorkbenchView> views = new EnumMap<>(ViewKind.class);
    private final Sample sample;
    private Parent root;

    @FXML private BorderPane rootPane;
    @FXML private TreeView<Object> navigator;
    @FXML private TabPane tabPane;
    @FXML private SplitPane verticalSplit;
    @FXML private SplitPane horizontalSplit;
    @FXML private StackPane taskPanelHost;
    @FXML private Label statusLine;
    @FXML private MenuItem importItem;
    @FXML private MenuItem closeProjectItem;
    @FXML private MenuItem datasetItem;
    @FXML private MenuItem explanationsItem;
    @FXML private MenuItem attentionItem;
    @FXML private MenuItem uncertaintyItem;
    @FXML private MenuItem keywordsItem;
    @FXML private MenuItem comparisonItem;
    @FXML private MenuItem caseItem;
    @FXML private MenuItem runsItem;
    @FXML private MenuItem refreshItem;
    @FXML private MenuItem generateItem;
    @FXML private MenuItem keywordIndexItem;
    @FXML private MenuItem trainItem;

    /** Where the sample project comes from and how to open it (see {@link Sample}). */
    public interface Sample {
        /** Null when the sample can be opened; otherwise why not. */
        String unavailableReason();

        /** A job that copies/builds the sample if needed and returns the opened project. */
        Job<Project> openJob();
    }

    public MainWindowView(Stage stage, WorkbenchPreferences preferences, ThemeManager theme, FxBackground background,
                          Path logFile, Sample sample) {
        this.stage = stage;
        this.preferences = preferences;
        this.theme = theme;
        this.background = background;
        this.sample = sample;
        this.errorDialog = new ErrorDialog(logFile.toString());
        this.viewModel = new MainWindowViewModel(background, preferences, this::showError);
        this.startViewModel = new StartViewModel(background, preferences);
        background.jobs().onSubmit(taskPanel::track);
    }

    /** Builds the scene on the stage and shows it. */
    public void show() {
        root = FxmlViews.load("MainWindow", this);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        WorkbenchPreferences.WindowLayout layout = preferences.windowLayout();
        // Never larger than the screen (a remembered size from a bigger monitor would open off-screen).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(layout.width(), screen.getWidth()));
        stage.setHeight(Math.min(layout.height(), screen.getHeight()));
        if (!Double.isNaN(layout.x()) && screen.contains(layout.x(), layout.y())) {
            stage.setX(layout.x());
            stage.setY(layout.y());
        }
        horizontalSplit.setDividerPositions(layout.navigatorDivider());
        verticalSplit.setDividerPositions(layout.taskDivider());
        stage.setOnCloseRequest(e -> shutdown());
        stage.show();
    }

    @FXML
    private void initialize() {
        rootPane.setId("mainWindow");
        taskPanelHost.getChildren().add(new TaskPanelView(taskPanel));
        statusLine.textProperty().bind(viewModel.statusProperty());
        navigator.setId("navigator");
        navigator.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.getValue() instanceof ViewKind kind) {
                show(kind);
            }
        });
        tabPane.setId("viewTabs");
        for (MenuItem item : List.of(importItem, closeProjectItem, datasetItem, explanationsItem, attentionItem, uncertaintyItem,
                keywordsItem, comparisonItem, caseItem, runsItem, refreshItem, generateItem, keywordIndexItem, trainItem)) {
            item.disableProperty().bind(viewModel.projectProperty().isNull());
        }
        viewModel.projectProperty().addListener((o, was, now) -> projectChanged(now));
        projectChanged(null);
    }

    private void projectChanged(Project project) {
        new ArrayList<>(tabs.keySet()).stream().filter(k -> k != ViewKind.START).forEach(k -> tabPane.getTabs().remove(tabs.get(k)));
        tabs.keySet().removeIf(k -> k != ViewKind.START);
        views.keySet().removeIf(k -> k != ViewKind.START);
        TreeItem<Object> rootItem = new TreeItem<>("Project");
        if (project != null) {
            Map<String, TreeItem<Object>> groups = new java.util.LinkedHashMap<>();
            for (ViewKind kind : ViewKind.values()) {
                if (kind.group() != null) {
                    TreeItem<Object> group = groups.computeIfAbsent(kind.group(), g -> {
                        TreeItem<Object> item = new TreeItem<>(g);
                        item.setExpanded(true);
                        rootItem.getChildren().add(item);
                        return item;
                    });
                    group.getChildren().add(new TreeItem<>(kind));
                }
            }
        }
        navigator.setRoot(rootItem);
        startViewModel.showProject(project);
        show(project == null ? ViewKind.START : ViewKind.DATASET);
    }

    // ---- views ----

    @Override
    public void show(ViewKind kind) {
        Tab tab = tabs.get(kind);
        if (tab == null) {
            if (kind != ViewKind.START && viewModel.project() == null) {
                return;
            }
            WorkbenchView view = create(kind);
            tab = new Tab(kind.title(), view.node());
            tab.setId("tab-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            tab.setClosable(kind != ViewKind.START);
            tab.setOnClosed(e -> {
                tabs.remove(kind);
                views.remove(kind);
            });
            tabs.put(kind, tab);
            views.put(kind, view);
            tabPane.getTabs().add(tab);
        }
        tabPane.getSelectionModel().select(tab);
    }

    private WorkbenchView create(ViewKind kind) {
        if (kind == ViewKind.START) {
            return new StartView(startViewModel, this, sample.unavailableReason());
        }
        ProjectContext context = new ProjectContext(viewModel.project(), background, theme, this, this::showError);
        return switch (kind) {
            case DATASET -> new DatasetView(context);
            case EXPLANATIONS -> new ExplanationsView(context);
            case KEYWORDS -> new KeywordsView(context);
            case RUNS -> new RunsView(context);
            case ATTENTION -> new AttentionView(context);
            case UNCERTAINTY -> new UncertaintyView(context);
            case CASE -> new CaseView(context);
            case COMPARISON -> new ComparisonView(context);
            case START -> throw new IllegalStateException("handled above");
        };
    }

    @Override
    public void showExplanations(ExplanationFilter filter) {
        show(ViewKind.EXPLANATIONS);
        if (views.get(ViewKind.EXPLANATIONS) instanceof ExplanationsView v) {
            v.apply(filter);
        }
    }

    @Override
    public void showCase(long sampleId) {
        show(ViewKind.CASE);
        if (views.get(ViewKind.CASE) instanceof CaseView v) {
            v.open(sampleId);
        }
    }

    private void refreshViews() {
        views.values().forEach(WorkbenchView::refresh);
        startViewModel.showProject(viewModel.project());
    }

    // ---- actions ----

    @FXML
    @Override
    public void newProject() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("New project: choose an empty folder");
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            viewModel.create(dir.toPath());
        }
    }

    @FXML
    @Override
    public void openProject() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open project: choose its folder");
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            viewModel.open(dir.toPath());
        }
    }

    @Override
    public void openRecent(Path dir) {
        viewModel.open(dir);
    }

    /** Opens a project folder (also used by tests and the `--project` launch option). */
    public void open(Path dir) {
        viewModel.open(dir);
    }

    @FXML
    @Override
    public void openSample() {
        String reason = sample.unavailableReason();
        if (reason != null) {
            showError("Open sample project", new dev.lrrecsys.workbench.WorkbenchException(reason));
            return;
        }
        background.start(sample.openJob(), viewModel::setProject, e -> showError("Open sample project", e));
    }

    @FXML
    @Override
    public void importDataset() {
        if (viewModel.project() == null) {
            showError("Import dataset", new dev.lrrecsys.workbench.WorkbenchException(
                    "No project is open: create or open a project first, then import a dataset into it."));
            return;
        }
        Project project = viewModel.project();
        ImportDialog dialog = new ImportDialog(stage, new ImportViewModel(background));
        dialog.dialog().setOnHidden(e -> {
            ImportViewModel chosen = dialog.dialog().getResult();
            if (chosen == null || project != viewModel.project()) {
                return;
            }
            try {
                runJob(new ImportJob(project.database(), project.exportsDir(), chosen.request()));
            } catch (RuntimeException invalid) {
                showError("Import dataset", invalid);
            }
        });
        dialog.dialog().show();
    }

    @FXML
    @Override
    public void generateExplanations() {
        Project project = viewModel.project();
        if (project == null) {
            return;
        }
        openGeneratorDialog(project, true);
    }

    /** Opens the generator settings (non-blocking); in generate mode, its Generate button starts the run. */
    public GeneratorSettingsDialog openGeneratorDialog(Project project, boolean generate) {
        GeneratorSettingsViewModel settings = new GeneratorSettingsViewModel(background, preferences.generatorSettings());
        GeneratorSettingsDialog dialog = new GeneratorSettingsDialog(stage, settings, project == null ? null : project.database(), generate);
        dialog.dialog().setOnHidden(e -> {
            GeneratorSettings chosen = dialog.dialog().getResult();
            if (chosen != null) {
                preferences.setGeneratorSettings(chosen);
                if (generate && project != null && project == viewModel.project()) {
                    startGeneration(project, chosen);
                }
            }
        });
        dialog.dialog().show();
        return dialog;
    }

    private void startGeneration(Project project, GeneratorSettings settings) {
        ExplanationGenerator generator = GeneratorSettingsViewModel.create(settings);
        ContrastiveExplanationJob job = new ContrastiveExplanationJob(project.database(), generator,
                GeneratorSettingsViewModel.request(generator));
        KeywordRepository.Source source = new KeywordRepository.Source(generator.generator(), generator.model());
        background.start(new NamedJob<>(job.title(), c -> {
            try (generator) {
                return job.run(c);
            }
        }), summary -> {
            refreshViews();
            // Keyword precompute right after generation, so the seller's view answers at once.
            runJob(new KeywordIndexJob(project.database(), source));
        }, e -> {
            refreshViews();
            if (!(e instanceof dev.lrrecsys.workbench.task.CancelledException)) {
                showError(job.title(), e);
            }
        });
    }

    @FXML
    private void generate() {
        generateExplanations();
    }

    @FXML
    @Override
    public void buildKeywordIndex() {
        Project project = viewModel.project();
        if (project == null) {
            return;
        }
        KeywordRepository.Source chosen = views.get(ViewKind.KEYWORDS) instanceof KeywordsView k ? k.source() : null;
        background.load(new ReadJob<>("Keyword sources", project.database(), tx -> new KeywordRepository().indexableSources(tx)),
                sources -> {
                    List<KeywordRepository.Source> todo = chosen != null && sources.contains(chosen) ? List.of(chosen) : sources;
                    if (todo.isEmpty()) {
                        showError("Build keyword index", new dev.lrrecsys.workbench.WorkbenchException(
                                "No 'ok' contrastive explanations to index: generate explanations first."));
                    }
                    for (KeywordRepository.Source s : todo) {
                        runJob(new KeywordIndexJob(project.database(), s));
                    }
                }, e -> showError("Build keyword index", e));
    }

    /** Starts a job that changes the project's data; open views reload when it succeeds. */
    public <R> TrackedTask<R> runJob(Job<R> job) {
        return background.start(job, r -> refreshViews(), e -> {
            if (!(e instanceof dev.lrrecsys.workbench.task.CancelledException)) {
                showError(job.title(), e);
            }
        });
    }

    @FXML
    @Override
    public void train() {
        Project project = viewModel.project();
        if (project == null) {
            return;
        }
        ModelCatalog catalog = ModelCatalog.standard();
        TrainingSettingsViewModel settings = new TrainingSettingsViewModel(catalog.ids());
        settings.detectBackend(background);
        TrainingSettingsDialog dialog = new TrainingSettingsDialog(stage, settings);
        dialog.dialog().setOnHidden(e -> {
            if (dialog.dialog().getResult() == null || project != viewModel.project()) {
                return;
            }
            try {
                ExperimentSettings chosen = settings.settings();
                // Same as `lrw experiment`: the autoencoder is trained first when its codes are missing.
                ExperimentJob job = new ExperimentJob(project.database(), project.modelsDir(), project.exportsDir(),
                        chosen, catalog, new AutoencoderCodeSource(project, chosen.epochs(), chosen.seed()), null);
                runJob(job);
                show(ViewKind.RUNS);
            } catch (RuntimeException invalid) {
                showError("Train and evaluate", invalid);
            }
        });
        dialog.dialog().show();
    }

    @FXML private void trainingSettings() {
        train();
    }

    @FXML private void generatorSettings() {
        openGeneratorDialog(viewModel.project(), false);
    }


    @FXML private void closeProject() {
        viewModel.close();
    }

    @FXML private void cancelAll() {
        background.jobs().cancelAll();
    }

    @FXML private void toggleTheme() {
        theme.toggle();
    }

    @FXML private void refresh() {
        Tab selected = tabPane.getSelectionModel().getSelectedItem();
        views.entrySet().stream().filter(e -> tabs.get(e.getKey()) == selected).forEach(e -> e.getValue().refresh());
    }

    @FXML private void quit() {
        close();
    }

    /** Saves the layout, stops the jobs, closes the project and the window. */
    public void close() {
        shutdown();
        stage.close();
    }

    @FXML private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("About");
        alert.setHeaderText(MainWindowViewModel.APP_NAME + " 0.1.0");
        alert.setContentText("Contrastive LLM explanations for recommendations (LR-Recsys), a deep recommender on DL4J, "
                + "and the views that show what they reveal.\nLog file: " + LogFile.defaultPath());
        alert.show();
    }

    @FXML private void showStart() {
        show(ViewKind.START);
    }

    @FXML private void showDataset() {
        show(ViewKind.DATASET);
    }

    @FXML private void showExplanations() {
        show(ViewKind.EXPLANATIONS);
    }

    @FXML private void showAttention() {
        show(ViewKind.ATTENTION);
    }

    @FXML private void showUncertainty() {
        show(ViewKind.UNCERTAINTY);
    }

    @FXML private void showKeywords() {
        show(ViewKind.KEYWORDS);
    }

    @FXML private void showComparison() {
        show(ViewKind.COMPARISON);
    }

    @FXML private void showCase() {
        show(ViewKind.CASE);
    }

    @FXML private void showRuns() {
        show(ViewKind.RUNS);
    }

    void showError(String action, Throwable error) {
        errorDialog.show(stage, action, error);
    }

    private void shutdown() {
        double[] h = horizontalSplit.getDividerPositions();
        double[] v = verticalSplit.getDividerPositions();
        preferences.setWindowLayout(new WorkbenchPreferences.WindowLayout(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), h.length > 0 ? h[0] : 0.18, v.length > 0 ? v[0] : 0.78));
        Project p = viewModel.project();
        background.close();
        if (p != null) {
            p.close();
        }
    }

    public Stage stage() {
        return stage;
    }

    public MainWindowViewModel viewModel() {
        return viewModel;
    }

    public Map<ViewKind, WorkbenchView> openViews() {
        return views;
    }
}
