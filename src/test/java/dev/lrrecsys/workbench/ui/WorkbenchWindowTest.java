package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.task.TaskState;
import dev.lrrecsys.workbench.task.TrackedTask;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import dev.lrrecsys.workbench.insight.Keyword;
import dev.lrrecsys.workbench.insight.KeywordTokenizer;
import dev.lrrecsys.workbench.store.ExplanationBrowseRepository;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.workflow.GenerateExplanations;
import dev.lrrecsys.workbench.workflow.TrainAndEvaluate;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the real window headless (Monocle): opens the bundled sample project from the start screen, opens the
 * views and checks what they show, and cancels a job from the task panel.
 */
@org.junit.jupiter.api.Tag("slow")
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

    /** Each test has its own home (sample copy, log) and its own preferences: no test sees another's project or settings. */
    @TempDir
    Path home;

    private WindowFixture fixture;
    private MainWindowView window;

    @Start
    void start(Stage stage) {
        fixture = WindowFixture.show(stage, home);
        window = fixture.window();
    }

    @Test
    void opensTheSampleProjectAndShowsItsData(FxRobot robot) throws Exception {
        assertThat(robot.window(0) instanceof Stage s ? s.getTitle() : "").isEqualTo("LR-Recsys Workbench");
        robot.clickOn("#openSampleButton");
        waitFor(() -> window.viewModel().project() != null);
        assertThat(((Stage) robot.window(0)).getTitle()).isEqualTo("LR-Recsys Workbench \u2014 restaurant-consumer");
        // The copy and build ran as a job of the task panel (progress, Cancel), not hidden inside the open.
        waitFor(() -> robot.lookup("Open sample project restaurant-consumer").tryQuery().isPresent());

        TableView<?> consumers = find(robot, "#consumersTable", TableView.class);
        waitFor(() -> consumers.getItems().size() == 100);
        Label counts = find(robot, ".counts", Label.class);
        waitFor(() -> counts.getText().contains("138 consumers"));
        assertThat(counts.getText()).contains("130 products").contains("1,161 interactions");
        ChartPane histogram = find(robot, "#ratingHistogram", ChartPane.class);
        waitFor(() -> histogram.chart() != null);
        assertThat(histogram.chart().getCategoryPlot().getDataset().getColumnCount()).isEqualTo(3); // ratings 0, 1, 2
        noErrorDialog(robot);
    }

    @Test
    void viewsWithoutExplanationsSayWhatIsMissing(FxRobot robot) throws Exception {
        openSample(robot);
        robot.interact(() -> window.show(ViewKind.EXPLANATIONS));
        waitFor(() -> visibleLabel(robot, "No explanations yet"));
        robot.interact(() -> window.show(ViewKind.KEYWORDS));
        waitFor(() -> visibleLabel(robot, "No explanations yet"));
        robot.interact(() -> window.show(ViewKind.RUNS));
        waitFor(() -> visibleLabel(robot, "No runs yet"));
        robot.interact(() -> window.show(ViewKind.ATTENTION));
        waitFor(() -> visibleLabel(robot, "No attention weights yet"));
        noErrorDialog(robot);
    }

    @Test
    void generatesOfflineExplanationsFromTheWindowAndShowsThemAndTheirKeywords(FxRobot robot) throws Exception {
        openSample(robot);
        robot.interact(window::generateExplanations);
        Button generate = find(robot, "Generate", Button.class);
        TextArea estimate = find(robot, "#estimateArea", TextArea.class);
        waitFor(() -> estimate.getText().startsWith("samples:"));
        robot.clickOn(generate);

        robot.interact(() -> window.show(ViewKind.EXPLANATIONS));
        TableView<?> explanations = find(robot, "#explanationsTable", TableView.class);
        waitFor(() -> !explanations.getItems().isEmpty() && visible(explanations));
        ExplanationBrowseRepository.ExplanationRow first = (ExplanationBrowseRepository.ExplanationRow) explanations.getItems().get(0);
        assertThat(first.generator()).isEqualTo("offline");
        assertThat(first.text()).isNotBlank();

        robot.interact(() -> window.show(ViewKind.KEYWORDS));
        TableView<?> products = find(robot, "#keywordProducts", TableView.class);
        waitFor(() -> visible(products) && !products.getItems().isEmpty());
        robot.interact(() -> products.getSelectionModel().select(0));
        TableView<?> positive = find(robot, "#positiveKeywords", TableView.class);
        TableView<?> negative = find(robot, "#negativeKeywords", TableView.class);
        waitFor(() -> !positive.getItems().isEmpty() && !negative.getItems().isEmpty());
        Keyword top = (Keyword) negative.getItems().get(0);
        assertThat(top.count()).isPositive();
        assertThat(KeywordTokenizer.TEMPLATE_WORDS).doesNotContain(top.term());

        // Double-clicking a keyword opens the explanations that contain it.
        robot.interact(() -> negative.getSelectionModel().select(0));
        robot.doubleClickOn(robot.lookup("#negativeKeywords .table-row-cell").nth(0).queryAs(Node.class));
        waitFor(() -> explanations.getItems().stream().allMatch(r ->
                ((ExplanationBrowseRepository.ExplanationRow) r).side().equals("negative")
                        && ((ExplanationBrowseRepository.ExplanationRow) r).text().toLowerCase(java.util.Locale.ROOT).contains(top.term()))
                && !explanations.getItems().isEmpty() && visible(explanations));
        noErrorDialog(robot);
    }

    @Test
    void aFailingOllamaConnectionSaysSoPlainly(FxRobot robot) throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        robot.interact(() -> window.openGeneratorDialog(null, false));
        robot.clickOn(find(robot, "Ollama", javafx.scene.control.RadioButton.class));
        TextField urlField = find(robot, "#urlField", TextField.class);
        robot.interact(() -> urlField.setText(url));
        robot.clickOn(find(robot, "#testButton", Button.class));
        Label message = find(robot, "#connectionMessage", Label.class);
        waitFor(() -> message.getText().startsWith("Cannot reach"));
        assertThat(message.getText()).isEqualTo("Cannot reach Ollama at " + url + ": is `ollama serve` running?");
    }

    @Test
    void trainsFromTheWindowAndShowsRunsAndTheCase(FxRobot robot) throws Exception {
        openSample(robot);
        // The case view below shows the sample's explanations: this test writes its own (offline, a second or two).
        TrackedTask<?>[] generation = new TrackedTask<?>[1];
        robot.interact(() -> generation[0] = window.runJob(GenerateExplanations.job(window.viewModel().project(),
                GenerateExplanations.Settings.defaults())));
        waitFor(() -> generation[0].state() == TaskState.SUCCEEDED);
        robot.interact(window::train);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<KeywordRepository.Source> source = find(robot, "#sourceBox", javafx.scene.control.ComboBox.class);
        assertThat(source.getValue()).isEqualTo(new KeywordRepository.Source("offline", "offline reasoner (no LLM)"));
        // The two ID baselines only: quick, and no autoencoder to train first.
        javafx.scene.layout.VBox models = find(robot, "#modelsBox", javafx.scene.layout.VBox.class);
        robot.interact(() -> models.getChildren().forEach(n -> ((javafx.scene.control.CheckBox) n)
                .setSelected(java.util.Set.of("mf", "sasrec").contains(((javafx.scene.control.CheckBox) n).getText()))));
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> epochs = find(robot, "#epochsSpinner", javafx.scene.control.Spinner.class);
        assertThat(epochs.getValue()).isEqualTo(TrainAndEvaluate.Settings.DEFAULT_EPOCHS);
        robot.interact(() -> epochs.getValueFactory().setValue(1));
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> repeats = find(robot, "#repeatsSpinner", javafx.scene.control.Spinner.class);
        robot.interact(() -> repeats.getValueFactory().setValue(2));
        robot.clickOn(find(robot, "Train", Button.class));

        TableView<?> results = find(robot, "#resultTable", TableView.class);
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return results.getItems().size() == 2 && results.getItems().stream()
                    .allMatch(r -> ((dev.lrrecsys.workbench.ui.runs.RunsViewModel.ResultRow) r).runs() == 2);
        });
        var mf = results.getItems().stream().map(r -> (dev.lrrecsys.workbench.ui.runs.RunsViewModel.ResultRow) r)
                .filter(r -> r.model().equals("mf")).findFirst().orElseThrow();
        assertThat(mf.cells().get(0)).matches("0\\.\\d{4} \\(0\\.\\d{4}\\)");
        ChartPane curve = find(robot, "#curveChart", ChartPane.class);
        waitFor(() -> curve.chart() != null && curve.chart().getXYPlot().getDataset().getItemCount(0) == 1);

        robot.interact(() -> window.show(ViewKind.CASE));
        TableView<?> predictions = find(robot, "#caseModels", TableView.class);
        waitFor(() -> predictions.getItems().size() == 2); // mf and sasrec, 2 repeats each, predicted the first test sample
        assertThat(find(robot, "#casePrediction", Label.class).getText()).matches("0\\.\\d{4}  \\(stored 0\\.\\d{4}\\)");

        robot.interact(() -> window.show(ViewKind.COMPARISON));
        javafx.scene.layout.HBox columns = find(robot, "#comparisonColumns", javafx.scene.layout.HBox.class);
        waitFor(() -> !columns.getChildren().isEmpty());

        robot.interact(() -> window.show(ViewKind.ATTENTION));
        waitFor(() -> visibleLabel(robot, "No attention weights yet"));
        robot.interact(() -> window.show(ViewKind.UNCERTAINTY));
        waitFor(() -> visibleLabel(robot, "No uncertainty analysis yet"));
        noErrorDialog(robot);
    }

    @Test
    void cancelsARunningJobFromTheTaskPanel(FxRobot robot) throws Exception {
        TrackedTask<?>[] task = new TrackedTask<?>[1];
        robot.interact(() -> task[0] = window.runJob(new UntilCancelled()));
        Button cancel = find(robot, ".cancel-task", Button.class);
        waitFor(() -> task[0].state() == TaskState.RUNNING && !cancel.isDisabled());
        robot.clickOn(cancel);
        waitFor(() -> task[0].state() == TaskState.CANCELLED);
        waitFor(() -> robot.lookup("Cancelled: what was committed is kept").tryQuery().isPresent());
        noErrorDialog(robot);
    }

    /** A job that works in small steps until it is cancelled, as long jobs do. */
    private static final class UntilCancelled implements Job<Void> {
        @Override
        public String title() {
            return "Work until cancelled";
        }

        @Override
        public Void run(TaskContext context) throws InterruptedException {
            for (long i = 0; ; i++) {
                context.checkCancelled();
                context.progress(i, 0, "step " + i);
                Thread.sleep(5);
            }
        }
    }

    @Test
    void findsKeyFactorsPerAChosenAttributeFromTheRunMenu(FxRobot robot) throws Exception {
        openSample(robot);
        dev.lrrecsys.workbench.project.Project project = window.viewModel().project();
        dev.lrrecsys.workbench.samples.SampleDerivationJob.ensureSamples(project.database(), TaskContext.silent());
        javafx.scene.control.MenuItem item = find(robot, "#menuBar", javafx.scene.control.MenuBar.class).getMenus()
                .stream().filter(m -> m.getText().equals("_Run")).findFirst().orElseThrow().getItems().stream()
                .filter(i -> "keyFactorsItem".equals(i.getId())).findFirst().orElseThrow();
        assertThat(item.getText()).isEqualTo("Find key _factors...");
        assertThat(item.isDisable()).isFalse();
        robot.interact(item::fire);
        waitFor(() -> robot.lookup("#segmentChoice").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup("#segmentChoice").queryAs(javafx.scene.control.DialogPane.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> choice = (javafx.scene.control.ComboBox<String>) pane.lookup(".combo-box");
        assertThat(choice.getItems()).startsWith("whole dataset only").contains("city");
        assertThat(choice.getValue()).isEqualTo("whole dataset only");
        robot.interact(() -> choice.setValue("city"));
        robot.interact(() -> ((Button) pane.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        waitFor(() -> project.database().read(tx -> new dev.lrrecsys.workbench.store.KeyFactorRepository().latest(tx, false))
                .map(r -> "city".equals(r.segmentAttribute())).orElse(false));
        noErrorDialog(robot);
    }

    @AfterEach
    void closeWindow(FxRobot robot) throws Exception {
        fixture.close(robot);
    }

    private static boolean visible(Node n) {
        return reallyVisible(n);
    }

    private void openSample(FxRobot robot) throws Exception {
        robot.interact(window::openSample);
        waitFor(() -> window.viewModel().project() != null);
    }

    private static boolean visibleLabel(FxRobot robot, String text) {
        return robot.lookup(text).queryAll().stream().anyMatch(WorkbenchWindowTest::reallyVisible);
    }

    private static boolean reallyVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    static <T extends Node> T find(FxRobot robot, String query, Class<T> type) throws Exception {
        return WindowFixture.find(robot, query, type);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WindowFixture.waitFor(condition);
    }

    private static void noErrorDialog(FxRobot robot) {
        List<Window> windows = robot.listWindows();
        assertThat(windows.stream().filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("LR-Recsys Workbench:"))
                .map(w -> ((Stage) w).getScene().getRoot().lookup(".header-panel")).toList()).isEmpty();
    }
}
