package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExplanationFilter;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TrackedTask;
import dev.lrrecsys.workbench.ui.explanations.ExplanationsView;
import dev.lrrecsys.workbench.ui.caseworkbench.CaseWorkbenchView;
import dev.lrrecsys.workbench.ui.keywords.KeywordsView;
import dev.lrrecsys.workbench.ui.settings.GeneratorSettingsDialog;
import dev.lrrecsys.workbench.ui.start.StartActions;
import dev.lrrecsys.workbench.ui.start.StartView;
import dev.lrrecsys.workbench.ui.start.StartViewModel;
import dev.lrrecsys.workbench.ui.tasks.TaskPanelView;
import dev.lrrecsys.workbench.ui.tasks.TaskPanelViewModel;
import dev.lrrecsys.workbench.workflow.OpenSampleProject;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The workbench window (MainWindow.fxml): menus with accelerators, the project navigator, the views as tabs
 * ({@link ViewTabs}) and the task panel. Menu items hand over to {@link ProjectLifecycle} (open, create, close) and
 * {@link WorkflowActions} (the Run menu's dialogs and workflows); state lives in {@link MainWindowViewModel}.
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
    private final WindowJobs jobs;
    private final ProjectLifecycle lifecycle;
    private final WorkflowActions workflows;
    private final QuitGuard quitGuard;
    private ViewTabs tabs;
    private boolean closed;

    @FXML private BorderPane rootPane;
    @FXML private TreeView<Object> navigator;
    @FXML private TabPane tabPane;
    @FXML private SplitPane horizontalSplit;
    @FXML private StackPane taskPanelHost;
    @FXML private Label statusLine;
    @FXML private MenuBar menuBar;
    @FXML private MenuItem closeProjectItem;
    @FXML private Menu viewMenu;
    @FXML private Menu helpMenu;
    @FXML private MenuItem refreshItem;
    @FXML private MenuItem generateItem;
    @FXML private MenuItem keywordIndexItem;
    @FXML private MenuItem keyFactorsItem;
    @FXML private MenuItem trainItem;

    /** @param sample where "Open sample project" copies the installed sample to (see {@link OpenSampleProject}) */
    public MainWindowView(Stage stage, WorkbenchPreferences preferences, ThemeManager theme, FxBackground background,
                          Path logFile, OpenSampleProject.Settings sample) {
        this.stage = stage;
        this.preferences = preferences;
        this.theme = theme;
        this.background = background;
        this.errorDialog = new ErrorDialog(logFile.toString());
        this.viewModel = new MainWindowViewModel(background, preferences, this::showError);
        this.startViewModel = new StartViewModel(background, preferences);
        this.jobs = new WindowJobs(background, this::refreshViews, this::showError);
        this.lifecycle = new ProjectLifecycle(stage, viewModel, jobs, sample);
        this.workflows = new WorkflowActions(stage, viewModel, jobs, lifecycle, () -> show(ViewKind.RUNS),
                () -> tabs.open().get(ViewKind.KEYWORDS) instanceof KeywordsView k ? k.source() : null);
        this.quitGuard = new QuitGuard(background.jobs());
        background.jobs().onSubmit(taskPanel::track);
    }

    /** Builds the scene on the stage and shows it. */
    public void show() {
        Scene scene = new Scene(FxmlViews.load("MainWindow", this));
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        WorkbenchPreferences.WindowLayout layout = preferences.windowLayout();
        // Never larger than the screen (a remembered size from a bigger monitor would open off-screen).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(layout.width(), screen.getWidth()));
        stage.setHeight(Math.min(layout.height(), screen.getHeight()));
        if (!Double.isNaN(layout.x()) && screen.contains(layout.x(), layout.y())) {
            stage.setX(layout.x());
            stage.setY(layout.y());
        }
        horizontalSplit.setDividerPositions(layout.navigatorDivider());
        taskPanel.expandedProperty().set(layout.taskListShown());
        stage.setOnCloseRequest(e -> {
            if (quitGuard.mayQuit(stage)) {
                shutdown();
            } else {
                e.consume();
            }
        });
        stage.show();
    }

    @FXML
    private void initialize() {
        rootPane.setId("mainWindow");
        taskPanelHost.getChildren().add(new TaskPanelView(taskPanel));
        statusLine.textProperty().bind(viewModel.statusProperty());
        navigator.setId("navigator");
        tabPane.setId("viewTabs");
        tabs = new ViewTabs(tabPane, navigator);
        viewMenu.getItems().addAll(0, tabs.menuItems(viewModel.projectProperty().isNull()));
        helpMenu.getItems().setAll(HelpMenu.items(stage, menuBar));
        for (MenuItem item : List.of(closeProjectItem, refreshItem, generateItem, keywordIndexItem, keyFactorsItem,
                trainItem)) {
            item.disableProperty().bind(viewModel.projectProperty().isNull());
        }
        viewModel.projectProperty().addListener((o, was, now) -> projectChanged(now));
        projectChanged(null);
    }

    private void projectChanged(Project project) {
        startViewModel.showProject(project);
        tabs.setProject(project, kind -> {
            if (kind == ViewKind.START) {
                return new StartView(startViewModel, this, lifecycle.sampleUnavailableReason());
            }
            return project == null ? null
                    : ViewTabs.create(kind, new ProjectContext(project, background, theme, this, this::showError));
        });
    }

    // ---- navigation ----

    @Override
    public void show(ViewKind kind) {
        tabs.show(kind);
    }

    @Override
    public void showExplanations(ExplanationFilter filter) {
        show(ViewKind.EXPLANATIONS);
        if (tabs.open().get(ViewKind.EXPLANATIONS) instanceof ExplanationsView v) {
            v.apply(filter);
        }
    }

    @Override
    public void showCase(long sampleId) {
        show(ViewKind.CASE);
        if (tabs.open().get(ViewKind.CASE) instanceof CaseWorkbenchView v) {
            v.open(sampleId, null);
        }
    }

    @Override
    public void showCase(long sampleId, long runId) {
        show(ViewKind.CASE);
        if (tabs.open().get(ViewKind.CASE) instanceof CaseWorkbenchView v) {
            v.open(sampleId, runId);
        }
    }

    @Override
    public void showRunInCase(long runId) {
        show(ViewKind.CASE);
        if (tabs.open().get(ViewKind.CASE) instanceof CaseWorkbenchView v) {
            v.openRun(runId);
        }
    }

    @Override
    public void showCaseInExperiment(long sampleId, long experimentId) {
        show(ViewKind.CASE);
        if (tabs.open().get(ViewKind.CASE) instanceof CaseWorkbenchView v) {
            v.openInExperiment(sampleId, experimentId);
        }
    }

    private void refreshViews() {
        tabs.refreshAll();
        startViewModel.showProject(viewModel.project());
    }

    // ---- actions (menus, start screen, empty states) ----

    @FXML @Override public void newProject() {
        lifecycle.newProject();
    }

    @FXML @Override public void openProject() {
        lifecycle.openProject();
    }

    @Override public void openRecent(Path dir) {
        lifecycle.open(dir);
    }

    /** Opens a project folder (also used by tests and the `--project` launch option). */
    public void open(Path dir) {
        lifecycle.open(dir);
    }

    @FXML @Override public void openSample() {
        lifecycle.openSample();
    }

    @FXML @Override public void importDataset() {
        workflows.importDataset();
    }

    @FXML @Override public void generateExplanations() {
        Project project = viewModel.project();
        if (project != null) {
            workflows.openGeneratorDialog(project, true);
        }
    }

    /** Opens the generator settings (non-blocking); in generate mode, its Generate button starts the run. */
    public GeneratorSettingsDialog openGeneratorDialog(Project project, boolean generate) {
        return workflows.openGeneratorDialog(project, generate);
    }

    @FXML @Override public void buildKeywordIndex() {
        workflows.buildKeywordIndex();
    }

    @Override public void findKeyFactors(dev.lrrecsys.workbench.workflow.FindKeyFactors.Settings settings) {
        workflows.findKeyFactors(settings);
    }

    /** Run > Find key factors...: the Key factors view's dialog, then the same job. */
    @FXML private void askKeyFactors() {
        workflows.askKeyFactors();
    }

    @FXML @Override public void train() {
        workflows.train();
    }

    /** Starts a job that changes the project's data; open views reload when it succeeds. */
    public <R> TrackedTask<R> runJob(Job<R> job) {
        return jobs.run(job);
    }

    @FXML private void generatorSettings() {
        workflows.openGeneratorDialog(viewModel.project(), false);
    }

    @FXML private void closeProject() {
        lifecycle.close();
    }

    @FXML private void cancelAll() {
        background.jobs().cancelAll();
    }

    @FXML private void toggleTheme() {
        theme.toggle();
    }

    @FXML private void refresh() {
        tabs.refreshSelected();
    }

    /** Ctrl+Q: asks first while tasks run. */
    @FXML private void quit() {
        if (quitGuard.mayQuit(stage)) {
            close();
        }
    }

    /** Saves the layout, stops the jobs, closes the project and the window, without asking. */
    public void close() {
        shutdown();
        stage.close();
    }

    void showError(String action, Throwable error) {
        errorDialog.show(stage, action, error);
    }

    private void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        double[] h = horizontalSplit.getDividerPositions();
        preferences.setWindowLayout(new WorkbenchPreferences.WindowLayout(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), h.length > 0 ? h[0] : 0.18, taskPanel.expandedProperty().get()));
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
        return tabs.open();
    }
}
