package dev.lrrecsys.workbench.ui.runs;

import dev.lrrecsys.workbench.store.ExperimentRecord;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.RunRecord;
import dev.lrrecsys.workbench.ui.SampleCopy;
import dev.lrrecsys.workbench.ui.ViewStage;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.lrrecsys.workbench.ui.ViewStage.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Runs view at the window's smallest size, on a stored experiment where LR-Recsys loses to the best baseline:
 * every model's row is visible, the loss reads in words, and repeats count from 1.
 */
@ExtendWith(ApplicationExtension.class)
class RunsViewTest {

    /** Two repeats per model; mf is the best baseline and lr-recsys is 3.03% worse than it on RMSE. */
    private static final Map<String, double[]> RMSE = Map.of(
            "lr-recsys", new double[]{0.20506, 0.20706},
            "id-only", new double[]{0.2300, 0.2310},
            "sasrec", new double[]{0.2500, 0.2490},
            "mf", new double[]{0.1990, 0.2010});
    private static final List<String> MODELS = List.of("lr-recsys", "id-only", "sasrec", "mf");

    @TempDir
    Path tmp;

    private ViewStage stage;
    private RunsView view;

    @Start
    void start(Stage window) {
        stage = new ViewStage(SampleCopy.open(tmp));
        stage.project().database().inTransaction(tx -> {
            ExperimentRepository repo = new ExperimentRepository();
            long id = repo.createExperiment(tx, new ExperimentRecord(0, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                    "regression", MODELS, 2, 1, 0.1, 3, 128, 0.001, 7, "0.8", "offline", "offline", 800, 200, 0, "cpu", "cpu", "done"));
            for (String m : MODELS) {
                for (int repeat = 0; repeat < 2; repeat++) {
                    long run = repo.createRun(tx, id, m, repeat, 7 + repeat, 0.8, 1);
                    double rmse = RMSE.get(m)[repeat];
                    repo.finishRun(tx, run, "done", rmse, rmse * 0.8, rmse * 4, rmse * 3.2, Double.NaN, 1.5, null, null);
                }
            }
            return null;
        });
        view = stage.show(window, RunsView::new);
    }

    @AfterEach
    void close() throws Exception {
        stage.close();
    }

    @Test
    void showsEveryModelRowSaysALossInWordsAndCountsRepeatsFromOne(FxRobot robot) throws Exception {
        TableView<?> results = robot.lookup("#resultTable").queryAs(TableView.class);
        waitFor(() -> results.getItems().size() == 4);
        Label summary = robot.lookup(".headline").queryAs(Label.class);
        waitFor(() -> !summary.getText().isEmpty());
        assertThat(summary.getText()).startsWith("LR-Recsys vs best baseline (mf) on RMSE: worse by 3.03%; paired t-test over 2 repeats")
                .doesNotContain("improvement");

        // All four rows are drawn inside the table's visible area, the best baseline (last) included.
        waitFor(() -> drawnRows(results).size() == 4);
        Bounds table = results.localToScene(results.getLayoutBounds());
        for (TableRow<?> row : drawnRows(results)) {
            Bounds b = row.localToScene(row.getLayoutBounds());
            assertThat(b.getMaxY()).as("row %s", row.getItem()).isLessThanOrEqualTo(table.getMaxY());
        }
        assertThat(table.getMaxY()).isLessThanOrEqualTo(results.getScene().getHeight());

        TableView<?> runs = robot.lookup("#runTable").queryAs(TableView.class);
        waitFor(() -> runs.getItems().size() == 8);
        List<Object> repeats = List.of(runs.getColumns().get(2).getCellData(0), runs.getColumns().get(2).getCellData(1));
        assertThat(runs.getColumns().get(2).getText()).isEqualTo("Repeat");
        assertThat(repeats).containsExactlyInAnyOrder(1, 2);
        assertThat(((RunRecord) runs.getItems().get(0)).repeat()).isZero(); // stored values stay as they are

        ViewStage.assertNothingElided(view.node());

        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Double> fractionBox = robot.lookup("#fractionBox").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(shown(fractionBox)).isEqualTo("0.8");

        // A refresh (F5, live updates while training) keeps what the boxes show, not only their values.
        robot.interact(view::refresh);
        org.testfx.util.WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        waitFor(() -> results.getItems().size() == 4);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Double> fractions = robot.lookup("#fractionBox").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(fractions.getValue()).isEqualTo(0.8);
        assertThat(shown(fractions)).isEqualTo("0.8");
        assertThat(stage.errors).isEmpty();
    }

    /** What the box shows (its button cell), read on the FX thread. */
    private static String shown(javafx.scene.control.ComboBox<?> box) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.ListCell<?>)
                ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) box.getSkin()).getDisplayNode()).getText()).get();
    }

    @Test
    void saysAGainAsBetterBy() {
        assertThat(RunsViewModel.inWords("LR-Recsys vs best baseline (mf) on RMSE: +2.10% improvement; paired t-test"))
                .isEqualTo("LR-Recsys vs best baseline (mf) on RMSE: better by 2.10%; paired t-test");
        assertThat(RunsViewModel.inWords("No comparison: it needs lr-recsys")).isEqualTo("No comparison: it needs lr-recsys");
    }

    private static List<TableRow<?>> drawnRows(TableView<?> table) {
        List<TableRow<?>> rows = new java.util.ArrayList<>();
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && r.getItem() != null && r.isVisible()) {
                rows.add(r);
            }
        }
        return rows;
    }
}
