package dev.lrrecsys.workbench.ui.keywords;

import dev.lrrecsys.workbench.insight.Keyword;
import dev.lrrecsys.workbench.insight.KeywordIndexJob;
import dev.lrrecsys.workbench.insight.KeywordRanking;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.KeywordRepository.ProductGroup;
import dev.lrrecsys.workbench.store.KeywordRepository.ProductMentions;
import dev.lrrecsys.workbench.store.KeywordRepository.Source;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.ui.ChartPane;
import dev.lrrecsys.workbench.ui.SampleCopy;
import dev.lrrecsys.workbench.ui.ViewStage;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static dev.lrrecsys.workbench.ui.ViewStage.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The seller's Keywords view on the sample project with offline explanations and their keyword index. */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.Tag("slow")
class KeywordsViewTest {

    @TempDir
    Path tmp;

    private ViewStage stage;
    private KeywordsView view;

    @Start
    void start(Stage window) throws Exception {
        Project p = SampleCopy.openWithExplanations(tmp);
        new KeywordIndexJob(p.database(), new Source("offline", "offline reasoner (no LLM)")).run(TaskContext.silent());
        stage = new ViewStage(p);
        view = stage.show(window, KeywordsView::new);
    }

    @AfterEach
    void close() throws Exception {
        stage.close();
    }

    @Test
    void opensOnTheFirstRestaurantAndKeepsTheTopSpinnerReadableAfterPickingAnother(FxRobot robot) throws Exception {
        TableView<?> products = robot.lookup("#keywordProducts").queryAs(TableView.class);
        waitFor(() -> !products.getItems().isEmpty());
        waitFor(() -> products.getSelectionModel().getSelectedIndex() == 0 && !view.viewModel().negative().isEmpty());
        assertThat(view.viewModel().productProperty().get()).isEqualTo(products.getItems().get(0));

        @SuppressWarnings("unchecked")
        Spinner<Integer> top = robot.lookup("#limitSpinner").queryAs(Spinner.class);
        robot.interact(() -> products.getSelectionModel().select(2));
        waitFor(() -> products.getSelectionModel().getSelectedIndex() == 2);
        ProductMentions picked = (ProductMentions) products.getItems().get(2);
        waitFor(() -> view.viewModel().timingProperty().get().startsWith(picked.name() + " compared with the other "));
        assertThat(top.getEditor().getText()).isEqualTo("15");
        // Readable: the editor is wide enough for its number (a squeezed toolbar once shrank it to nothing).
        assertThat(top.getEditor().getWidth()).isGreaterThan(24);
        ViewStage.assertNothingElided(view.node());
        assertThat(stage.errors).isEmpty();
    }

    @Test
    void switchingTheThemeKeepsTheChosenCityAndItsKeywords(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<ProductGroup> groups = robot.lookup("#groupBox").queryAs(ComboBox.class);
        waitFor(() -> !groups.getItems().isEmpty() && !view.viewModel().negative().isEmpty());
        ProductGroup city = groups.getItems().stream().filter(g -> g.attribute().equals(ProductGroup.CITY)).findFirst().orElseThrow();
        // Picked as a user does: through the drop-down's list.
        robot.interact(groups::show);
        robot.interact(() -> ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) groups.getSkin()).getPopupContent().lookupAll(".list-cell")
                .stream().map(n -> (javafx.scene.control.ListCell<?>) n).filter(c -> city.equals(c.getItem())).findFirst()
                .ifPresentOrElse(c -> c.getListView().getSelectionModel().select(c.getIndex()), () -> groups.setValue(city)));
        robot.interact(groups::hide);
        waitFor(() -> view.viewModel().timingProperty().get().startsWith("city = " + city.value()));
        List<Keyword> before = List.copyOf(view.viewModel().negative());

        String shownBefore = shown(groups);
        robot.interact(() -> stage.lookAway(true));
        robot.interact(() -> stage.theme().toggle());
        robot.interact(() -> stage.lookAway(false));
        waitFor(() -> stage.theme().isDark());
        robot.interact(() -> { });
        assertThat(shown(groups)).isEqualTo(shownBefore);
        assertThat(groups.getValue()).isEqualTo(city);
        assertThat(view.viewModel().groupProperty().get()).isEqualTo(city);
        assertThat(view.viewModel().negative()).containsExactlyElementsOf(before);
        assertThat(view.viewModel().timingProperty().get()).startsWith("city = " + city.value());

        // A refresh (F5, or after a job finished) reloads the lists and keeps the pick too.
        robot.interact(view::refresh);
        waitFor(() -> view.viewModel().stateProperty().get() == KeywordsViewModel.State.READY && !view.viewModel().negative().isEmpty());
        assertThat(shown(groups)).isEqualTo(before.isEmpty() ? "" : shownBefore);
        assertThat(view.viewModel().negative()).containsExactlyElementsOf(before);
        assertThat(stage.errors).isEmpty();
    }

    @Test
    void rankingByDistinctivenessRedrawsTheChartsWithWholeLabels(FxRobot robot) throws Exception {
        waitFor(() -> !view.viewModel().negative().isEmpty());
        ChartPane negative = robot.lookup("#negativeKeywordChart").queryAs(ChartPane.class);
        waitFor(() -> negative.chart() != null);
        @SuppressWarnings("unchecked")
        ComboBox<KeywordRanking> ranking = robot.lookup("#rankingBox").queryAs(ComboBox.class);
        robot.interact(() -> ranking.setValue(KeywordRanking.DISTINCTIVENESS));
        waitFor(() -> negative.chart().getCategoryPlot().getRangeAxis().getLabel().startsWith("Distinctiveness"));
        JFreeChart chart = negative.chart();
        CategoryAxis axis = chart.getCategoryPlot().getDomainAxis();
        assertThat(axis.getMaximumCategoryLabelWidthRatio()).isGreaterThanOrEqualTo(0.4f);
        assertThat(stage.errors).isEmpty();
    }

    /** What the box shows (its button cell), read on the FX thread. */
    private static String shown(ComboBox<?> box) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.ListCell<?>)
                ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) box.getSkin()).getDisplayNode()).getText()).get();
    }

    private static Node row(TableView<?> table, int index) {
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == index).findFirst().orElseThrow();
    }
}
