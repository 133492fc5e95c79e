package dev.lrrecsys.workbench.ui.settings;

import dev.lrrecsys.workbench.model.PredictionTask;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.lrrecsys.workbench.ui.ViewStage.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The Train dialog shows the task as a word, each model with what it is, and a labelled time estimate. */
@ExtendWith(ApplicationExtension.class)
class TrainingSettingsDialogTest {

    private TrainingSettingsDialog dialog;
    private TrainingSettingsViewModel viewModel;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
        viewModel = TrainingSettingsViewModel.withDefaults();
        dialog = new TrainingSettingsDialog(stage, viewModel);
        dialog.dialog().show();
    }

    @Test
    void showsTheTaskAsAWordAndEachModelWithItsDescription(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#taskBox").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<PredictionTask> task = robot.lookup("#taskBox").queryAs(ComboBox.class);
        // What the closed box shows (its button cell).
        waitFor(() -> robot.lookup("#taskBox .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(c -> "Regression".equals(c.getText())));
        assertThat(task.getConverter().toString(PredictionTask.CLASSIFICATION)).isEqualTo("Classification");
        assertThat(task.getItems()).containsExactly(PredictionTask.REGRESSION, PredictionTask.CLASSIFICATION,
                PredictionTask.RANKING);
        assertThat(task.getConverter().toString(PredictionTask.RANKING)).isEqualTo("Ranking (HR@K, NDCG@K)");

        VBox models = robot.lookup("#modelsBox").queryAs(VBox.class);
        assertThat(models.getChildren()).isNotEmpty().allSatisfy(n -> {
            CheckBox box = (CheckBox) n;
            assertThat(((Label) box.getGraphic()).getText()).isEqualTo(ModelDescriptions.of(box.getText())).isNotBlank();
            // Never squeezed: a squeezed check box drew its description over the id.
            assertThat(box.getWidth()).isGreaterThanOrEqualTo(box.prefWidth(-1) - 1);
        });
        @SuppressWarnings("unchecked")
        ComboBox<String> candidates = robot.lookup("#candidateSourceBox").queryAs(ComboBox.class);
        assertThat(candidates.getItems()).containsExactly("automatic", "generate", "nearest", "pool");
        assertThat(candidates.isDisabled()).as("only ranking samples candidates").isTrue();
        robot.interact(() -> task.setValue(PredictionTask.RANKING));
        assertThat(candidates.isDisabled()).isFalse();
        Label estimate = robot.lookup("#estimateLabel").queryAs(Label.class);
        assertThat(estimate.getText()).startsWith("Estimate: ");

        // Which explanation pairs: the two variants with both sides, contrastive first, as `lrw experiment --variant`.
        @SuppressWarnings("unchecked")
        ComboBox<String> variant = robot.lookup("#variantBox").queryAs(ComboBox.class);
        assertThat(variant.getItems()).containsExactly("contrastive", "concise");
        assertThat(variant.getValue()).isEqualTo("contrastive");
        // Ranking reads contrastive pairs only: concise goes with the other tasks.
        robot.interact(() -> task.setValue(PredictionTask.REGRESSION));
        robot.interact(() -> variant.setValue("concise"));
        assertThat(viewModel.settings().variant()).isEqualTo("concise");
        robot.interact(() -> dialog.dialog().close());
    }
}
