package dev.lrrecsys.workbench.ui.caseworkbench;

import dev.lrrecsys.workbench.cli.LrwCommand;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.AlignmentRepository;
import dev.lrrecsys.workbench.store.CaseRepository.ProductItem;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.workflow.InspectCase.CaseReport;
import dev.lrrecsys.workbench.workflow.ScoreExplanations;
import dev.lrrecsys.workbench.ui.ViewStage;
import dev.lrrecsys.workbench.workflow.TrainedCaseProject;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.lrrecsys.workbench.ui.ViewStage.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case workbench on a project trained for real: an edit typed into the window and predicted again shows the
 * prediction `lrw case` prints for the same edit, beside the old one, with both heat maps and the salience.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class CaseWorkbenchViewTest {

    private static final String EDIT = "The consumer visited this restaurant because they like feature 3 and feature 0.";

    @TempDir
    Path tmp;

    private ViewStage stage;
    private CaseWorkbenchView view;

    /** Trains the shared project before TestFX's start, which must finish within its setup timeout. */
    @BeforeAll
    static void train(@TempDir Path dir) {
        TrainedCaseProject.copyTo(dir);
    }

    @Start
    void start(Stage window) {
        stage = new ViewStage(Project.open(TrainedCaseProject.copyTo(tmp)));
        view = stage.show(window, CaseWorkbenchView::new);
    }

    @AfterEach
    void close() throws Exception {
        stage.close();
    }

    @Test
    void anEditShowsThePredictionTheCliComputesForTheSameEdit(FxRobot robot) throws Exception {
        Label prediction = robot.lookup("#casePrediction").queryAs(Label.class);
        Label counterfactual = robot.lookup("#counterfactualPrediction").queryAs(Label.class);
        waitFor(() -> view.viewModel().reportProperty().get() != null);
        long sample = view.viewModel().reportProperty().get().sampleId();
        TableView<?> models = robot.lookup("#caseModels").queryAs(TableView.class);
        assertThat(models.getItems()).hasSize(3);
        assertThat(counterfactual.getText()).isEqualTo("no edit");

        TextArea positive = robot.lookup("#positiveEdit").queryAs(TextArea.class);
        robot.interact(() -> positive.setText(""));
        robot.clickOn(positive).write(EDIT);
        robot.clickOn(robot.lookup("Predict again").queryAs(Button.class));
        waitFor(() -> view.viewModel().reportProperty().get().counterfactual() != null);

        Result cli = lrw("case", "--project", TrainedCaseProject.copyTo(tmp).toString(), "--sample", Long.toString(sample),
                "--positive", EDIT);
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(counterfactual.getText()).isEqualTo(value(cli.out(), "counterfactual prediction"));
        assertThat(prediction.getText()).startsWith(value(cli.out(), "prediction"));

        HBox heatmaps = robot.lookup(".heatmap").queryAs(GridPane.class).getParent() instanceof HBox h ? h : null;
        assertThat(heatmaps).isNotNull();
        assertThat(heatmaps.getChildren().stream().filter(n -> n instanceof GridPane)).hasSize(2);
        assertThat(robot.lookup(".heat-cell").queryAll()).hasSizeGreaterThanOrEqualTo(72);
        FlowPane words = robot.lookup(".salience-word").queryAs(Label.class).getParent() instanceof FlowPane f ? f : null;
        assertThat(words).isNotNull();
        assertThat(words.getChildren()).hasSize(13); // the edit's 13 words, each with its change
        assertThat(stage.errors).isEmpty();
    }

    @Test
    void showsTheStoredScoresAndThePickerDrivesAnEditTheCliAgreesWith(FxRobot robot) throws Exception {
        waitFor(() -> view.viewModel().reportProperty().get() != null);
        Label lc = robot.lookup("#caseLc").queryAs(Label.class);
        Label ic = robot.lookup("#caseIc").queryAs(Label.class);
        Label note = robot.lookup("#caseAlignment").queryAs(Label.class);
        assertThat(lc.getText()).isEmpty();
        assertThat(note.getText()).isEqualTo("not scored yet: run lrw scores");

        ScoreExplanations.job(stage.project(), ScoreExplanations.Settings.defaults()).run(TaskContext.silent());
        robot.clickOn(robot.lookup("Reset").queryAs(Button.class));
        waitFor(() -> !lc.getText().isEmpty());
        CaseReport shown = view.viewModel().reportProperty().get();
        AlignmentRepository.ScoreRow stored = stage.project().database().read(tx -> new AlignmentRepository()
                .score(tx, "offline", shown.run().generatorModel(), "contrastive", shown.sampleId())).orElseThrow();
        assertThat(lc.getText()).isEqualTo(String.format(Locale.ROOT, "%.3f", stored.lc()));
        assertThat(ic.getText()).isEqualTo(String.format(Locale.ROOT, "%.3f", stored.ic()));
        assertThat(note.getText()).isEqualTo("of the stored pair (docs/alignment.md)");

        // The candidate by keyboard: type a name, Down into the list, Enter picks it.
        TextField search = robot.lookup("#productSearch").queryAs(TextField.class);
        @SuppressWarnings("unchecked")
        ListView<ProductItem> list = robot.lookup("#productList").queryAs(ListView.class);
        reveal(robot, search);
        robot.clickOn(search).write("product 7");
        waitFor(() -> list.getItems().size() == 1);
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        TextField candidate = robot.lookup("#candidateField").queryAs(TextField.class);
        waitFor(() -> "p7".equals(candidate.getText()));

        // A history product swapped by the mouse: search by id, choose it, swap it into slot #1.
        robot.interact(() -> search.setText(""));
        robot.clickOn(search).write("p3");
        waitFor(() -> list.getItems().size() == 1 && list.getItems().get(0).externalId().equals("p3"));
        reveal(robot, list);
        robot.clickOn(robot.from(list).lookup(".list-cell").nth(0).queryAs(javafx.scene.control.ListCell.class));
        Button swap = robot.lookup("#swapHistoryButton").queryAs(Button.class);
        reveal(robot, swap);
        robot.clickOn(swap);
        TextField history = robot.lookup("#historyField").queryAs(TextField.class);
        List<String> edited = new java.util.ArrayList<>(shown.original().history());
        edited.set(0, "p3");
        waitFor(() -> history.getText().equals(String.join(", ", edited)));

        Button predict = robot.lookup("Predict again").queryAs(Button.class);
        reveal(robot, predict);
        robot.clickOn(predict);
        waitFor(() -> view.viewModel().reportProperty().get().counterfactual() != null);
        Label counterfactual = robot.lookup("#counterfactualPrediction").queryAs(Label.class);
        Result cli = lrw("case", "--project", TrainedCaseProject.copyTo(tmp).toString(), "--sample", Long.toString(shown.sampleId()),
                "--candidate", "p7", "--history", String.join(",", edited));
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(counterfactual.getText()).isEqualTo(value(cli.out(), "counterfactual prediction"));
        assertThat(view.viewModel().reportProperty().get().counterfactual().candidate()).isEqualTo("p7");
        assertThat(stage.errors).isEmpty();
    }

    /** Scrolls the edit column so that {@code node} is on screen before the robot clicks it. */
    private static void reveal(FxRobot robot, javafx.scene.Node node) {
        robot.interact(() -> {
            javafx.scene.Node n = node.getParent();
            while (n != null && !(n instanceof ScrollPane)) {
                n = n.getParent();
            }
            ScrollPane pane = (ScrollPane) n;
            javafx.scene.Node content = pane.getContent();
            double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double scrollable = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
            pane.setVvalue(scrollable <= 0 ? 0 : Math.max(0, Math.min(1, (y - 20) / scrollable)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private record Result(int code, String out, String err) {
    }

    private static Result lrw(String... args) {
        CommandLine cl = new CommandLine(new LrwCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String value(String out, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ": (\\S+)$").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }
}
