package dev.lrrecsys.workbench.ui.explanations;

import dev.lrrecsys.workbench.store.ExplanationBrowseRepository.ExplanationRow;
import dev.lrrecsys.workbench.store.ExplanationFilter;
import dev.lrrecsys.workbench.ui.SampleCopy;
import dev.lrrecsys.workbench.ui.ViewStage;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.stage.Stage;
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

import static dev.lrrecsys.workbench.ui.ViewStage.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The Explanations explorer on the sample project with offline explanations, at the window's smallest size. */
@ExtendWith(ApplicationExtension.class)
class ExplanationsViewTest {

    private static final String OFFLINE = "offline / offline reasoner (no LLM)";

    @TempDir
    Path tmp;

    private ViewStage stage;
    private ExplanationsView view;

    @Start
    void start(Stage window) throws Exception {
        stage = new ViewStage(SampleCopy.openWithExplanations(tmp));
        view = stage.show(window, ExplanationsView::new);
    }

    @AfterEach
    void close() throws Exception {
        stage.close();
    }

    @Test
    void headersStayWholeAlsoAfterAKeywordDrillDown(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#explanationsTable").queryAs(TableView.class);
        waitFor(() -> !table.getItems().isEmpty());
        ViewStage.assertNothingElided(view.node());

        ExplanationRow first = (ExplanationRow) table.getItems().get(0);
        robot.interact(() -> view.apply(new ExplanationFilter(null, null, "negative", OFFLINE, "ok", "restaurant",
                first.productId(), null)));
        waitFor(() -> !table.getItems().isEmpty() && table.getItems().stream()
                .allMatch(r -> ((ExplanationRow) r).productId() == first.productId() && ((ExplanationRow) r).side().equals("negative")));
        ViewStage.assertNothingElided(view.node());
        assertThat(stage.errors).isEmpty();
    }

    @Test
    void switchingTheThemeAndRefreshingKeepTheGeneratorFilterAndTheRows(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#explanationsTable").queryAs(TableView.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> sources = robot.lookup("#sourceBox").queryAs(ComboBox.class);
        waitFor(() -> !table.getItems().isEmpty() && sources.getItems().contains(OFFLINE));
        robot.interact(() -> {
            sources.setValue(OFFLINE);
            view.viewModel().sideProperty().set("negative");
            view.viewModel().search();
        });
        waitFor(() -> table.getItems().stream().allMatch(r -> ((ExplanationRow) r).side().equals("negative")));
        List<Object> before = List.copyOf(table.getItems());

        robot.interact(() -> stage.lookAway(true));
        robot.interact(() -> stage.theme().toggle());
        robot.interact(() -> stage.lookAway(false));
        robot.interact(view::refresh);
        waitFor(() -> stage.theme().isDark() && table.getItems().equals(before));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(sources)).isEqualTo(OFFLINE);
        assertThat(view.viewModel().sourceProperty().get()).isEqualTo(OFFLINE);
        assertThat(view.viewModel().sideProperty().get()).isEqualTo("negative");
        assertThat(List.copyOf(table.getItems())).isEqualTo(before);
        assertThat(stage.errors).isEmpty();
    }

    @Test
    void variantOriginAndSimilarityNarrowTheRowsAndTheQualityLineSaysWhatItNeeds(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#explanationsTable").queryAs(TableView.class);
        javafx.scene.control.Label quality = robot.lookup("#qualityLabel").queryAs(javafx.scene.control.Label.class);
        waitFor(() -> !table.getItems().isEmpty() && view.viewModel().sources().contains(OFFLINE));
        assertThat(quality.getText()).isEqualTo(ExplanationsViewModel.QUALITY_NO_GENERATOR);

        robot.interact(() -> {
            view.viewModel().sourceProperty().set(OFFLINE);
            view.viewModel().variantProperty().set("contrastive");
            view.viewModel().originProperty().set("generated");
            view.viewModel().search();
        });
        // The sample project has explanations but no key factors: the line says so instead of figures.
        waitFor(() -> quality.getText().contains("no key factors yet"));
        assertThat(quality.getText()).isEqualTo("Quality of offline, contrastive: no key factors yet (spuriousness is "
                + "measured against them): find them with `lrw factors --project DIR` first.");
        waitFor(() -> !table.getItems().isEmpty() && table.getItems().stream()
                .allMatch(r -> ((ExplanationRow) r).variant().equals("contrastive") && ((ExplanationRow) r).origin().equals("generated")));
        ViewStage.assertNothingElided(view.node());

        // No pooled rows here: retrieved ones, or any with a similarity, match nothing.
        robot.interact(() -> {
            view.viewModel().originProperty().set(ExplanationsViewModel.ANY);
            view.viewModel().minSimilarityProperty().set("0.5");
            view.viewModel().search();
        });
        waitFor(() -> table.getItems().isEmpty());
        robot.interact(() -> {
            view.viewModel().minSimilarityProperty().set("high");
            view.viewModel().search();
        });
        waitFor(() -> !stage.errors.isEmpty());
        assertThat(stage.errors).singleElement().asString()
                .endsWith("Minimum similarity must be a number from -1 to 1, like 0.8, got 'high'.");
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void withKeyFactorsTheQualityLineShowsTheFiguresOfLrwQuality(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#explanationsTable").queryAs(TableView.class);
        javafx.scene.control.Label quality = robot.lookup("#qualityLabel").queryAs(javafx.scene.control.Label.class);
        waitFor(() -> !table.getItems().isEmpty());
        dev.lrrecsys.workbench.workflow.FindKeyFactors.job(stage.project(),
                dev.lrrecsys.workbench.workflow.FindKeyFactors.Settings.defaults()).run(dev.lrrecsys.workbench.task.TaskContext.silent());
        dev.lrrecsys.workbench.workflow.MeasureQuality.Settings settings =
                new dev.lrrecsys.workbench.workflow.MeasureQuality.Settings("offline", "contrastive");
        String expected = ExplanationsViewModel.describeQuality(settings,
                dev.lrrecsys.workbench.workflow.MeasureQuality.measure(stage.project(), settings));
        robot.interact(() -> {
            view.viewModel().sourceProperty().set(OFFLINE);
            view.viewModel().variantProperty().set("contrastive");
            view.refresh();
        });
        waitFor(() -> quality.getText().equals(expected));
        assertThat(expected).contains("redundancy ", "spuriousness ", "factors per explanation ");
        ViewStage.assertNothingElided(view.node());
        assertThat(stage.errors).isEmpty();
    }

    /** What the box shows (its button cell), read on the FX thread. */
    private static String shown(ComboBox<?> box) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((ListCell<?>) ((ComboBoxListViewSkin<?>) box.getSkin()).getDisplayNode()).getText()).get();
    }
}
