package dev.lrrecsys.workbench.ui.factors;

import dev.lrrecsys.workbench.explain.ExplainFixtures;
import dev.lrrecsys.workbench.factors.KeyFactorJob;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.samples.SampleDerivationJob;
import dev.lrrecsys.workbench.store.KeyFactorRepository.FactorRow;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.ui.ChartPane;
import dev.lrrecsys.workbench.ui.ViewStage;
import dev.lrrecsys.workbench.ui.factors.KeyFactorsViewModel.Segment;
import dev.lrrecsys.workbench.workflow.FindKeyFactors;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.lrrecsys.workbench.ui.ViewStage.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The Key factors view on a small synthetic world: empty state, then the factors the real job stored. */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class KeyFactorsViewTest {

    @TempDir
    Path tmp;

    private ViewStage stage;
    private KeyFactorsView view;

    @Start
    void start(Stage window) {
        Project p = ExplainFixtures.synthWorld(tmp.resolve("w"), 300, 40, 4000, 3);
        SampleDerivationJob.ensureSamples(p.database(), TaskContext.silent());
        stage = new ViewStage(p);
        view = stage.show(window, KeyFactorsView::new);
    }

    @AfterEach
    void close() throws Exception {
        stage.close();
    }

    @Test
    void offersToFindKeyFactorsThenShowsTheStoredOnesAsSignedBarsAndATablePerSegment(FxRobot robot) throws Exception {
        VBox empty = robot.lookup(".empty-state").queryAs(VBox.class);
        waitFor(() -> view.viewModel().stateProperty().get() == KeyFactorsViewModel.State.NO_FACTORS);
        assertThat(empty.isVisible()).isTrue();
        assertThat(robot.lookup("#emptyTitle").queryAs(Label.class).getText()).isEqualTo("No key factors yet");
        ViewStage.assertNothingElided(view.node());
        robot.clickOn(robot.lookup("#emptyAction").queryAs(Button.class));
        waitFor(() -> !stage.keyFactorRequests.isEmpty());
        assertThat(stage.keyFactorRequests).containsExactly(FindKeyFactors.Settings.defaults());

        // What the window's task runner does with that request, then the reload it triggers.
        KeyFactorJob.Result result = FindKeyFactors.job(stage.project(), new FindKeyFactors.Settings("budget", 1))
                .run(TaskContext.silent());
        robot.interact(view::refresh);
        TableView<?> table = robot.lookup("#keyFactors").queryAs(TableView.class);
        waitFor(() -> view.viewModel().stateProperty().get() == KeyFactorsViewModel.State.READY && !table.getItems().isEmpty());
        assertThat(empty.isVisible()).isFalse();

        @SuppressWarnings("unchecked")
        ComboBox<Segment> segments = robot.lookup("#segmentBox").queryAs(ComboBox.class);
        List<String> expectedSegments = new ArrayList<>(List.of("Whole dataset"));
        result.keyFactors().stream().map(FactorRow::segmentValue).filter(v -> !v.isEmpty()).distinct()
                .forEach(v -> expectedSegments.add("budget = " + v));
        assertThat(segments.getItems()).extracting(Segment::label).containsExactlyElementsOf(expectedSegments);
        assertThat(expectedSegments).hasSizeGreaterThan(1);
        assertThat(segments.getValue().label()).isEqualTo("Whole dataset");
        assertShows(table, result.overall());
        ViewStage.assertNothingElided(view.node());

        Segment second = segments.getItems().get(1);
        robot.interact(() -> segments.setValue(second));
        List<FactorRow> ofSecond = result.keyFactors().stream().filter(f -> f.segmentValue().equals(second.value())).toList();
        waitFor(() -> table.getItems().size() == ofSecond.size());
        assertShows(table, ofSecond);
        ChartPane chart = robot.lookup("#keyFactorChart").queryAs(ChartPane.class);
        assertThat(chart.chart().getTitle().getText()).isEqualTo("Key factors: " + stage.project().name() + ", " + second.label());
        ViewStage.assertNothingElided(view.node());

        // "Find key factors...": a choice among the project's attributes (read in the background), starting on the
        // attribute of the segment shown; OK hands the workflow's settings to the window.
        String[] attributes = {"age_group", "alcohol", "ambience", "budget", "city", "company", "cuisine",
                "drink_level", "favourite_cuisine", "location", "price"};
        DialogPane pane = chooseSegment(robot);
        @SuppressWarnings("unchecked")
        ComboBox<String> choice = (ComboBox<String>) pane.lookup(".combo-box");
        List<String> expectedChoices = new ArrayList<>(List.of(SegmentChoiceDialog.WHOLE_DATASET_ONLY));
        expectedChoices.addAll(List.of(attributes));
        assertThat(choice.getItems()).containsExactlyElementsOf(expectedChoices);
        assertThat(choice.getValue()).isEqualTo("budget");
        robot.interact(() -> choice.setValue("city"));
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
        waitFor(() -> stage.keyFactorRequests.size() == 2);
        assertThat(stage.keyFactorRequests.get(1)).isEqualTo(new FindKeyFactors.Settings("city", FindKeyFactors.Settings.DEFAULT_SEED));

        DialogPane again = chooseSegment(robot);
        @SuppressWarnings("unchecked")
        ComboBox<String> againChoice = (ComboBox<String>) again.lookup(".combo-box");
        robot.interact(() -> againChoice.setValue(SegmentChoiceDialog.WHOLE_DATASET_ONLY));
        robot.interact(() -> ((Button) again.lookupButton(ButtonType.OK)).fire());
        waitFor(() -> stage.keyFactorRequests.size() == 3);
        assertThat(stage.keyFactorRequests.get(2)).isEqualTo(FindKeyFactors.Settings.defaults());

        // Cancel starts nothing.
        DialogPane cancelled = chooseSegment(robot);
        robot.interact(() -> ((Button) cancelled.lookupButton(ButtonType.CANCEL)).fire());
        waitFor(() -> robot.lookup("#segmentChoice").tryQuery().isEmpty());
        assertThat(stage.keyFactorRequests).hasSize(3);
        assertThat(stage.errors).isEmpty();
    }

    private DialogPane chooseSegment(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#findKeyFactorsButton").queryAs(Button.class).fire());
        waitFor(() -> robot.lookup("#segmentChoice").tryQuery().isPresent());
        return robot.lookup("#segmentChoice").queryAs(DialogPane.class);
    }

    private void assertShows(TableView<?> table, List<FactorRow> stored) throws Exception {
        assertThat(stored).isNotEmpty();
        assertThat(new ArrayList<Object>(table.getItems())).containsExactlyElementsOf(stored);
        ChartPane chart = (ChartPane) view.node().lookup("#keyFactorChart");
        waitFor(() -> chart.chart() != null && chart.chart().getCategoryPlot().getDataset().getColumnCount() == stored.size());
        CategoryDataset data = chart.chart().getCategoryPlot().getDataset();
        for (int i = 0; i < stored.size(); i++) {
            FactorRow f = stored.get(i);
            // The whole canonical name as the bar's label, the gate as its length, pointing left when it lowers the rating.
            assertThat(data.getColumnKey(i)).isEqualTo(f.label());
            assertThat(data.getValue(0, i).doubleValue()).isEqualTo(f.effect() < 0 ? -f.gate() : f.gate());
        }
    }
}
