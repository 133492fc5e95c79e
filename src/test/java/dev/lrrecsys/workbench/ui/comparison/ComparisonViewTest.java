package dev.lrrecsys.workbench.ui.comparison;

import dev.lrrecsys.workbench.insight.WordDifference;
import dev.lrrecsys.workbench.ui.SampleCopy;
import dev.lrrecsys.workbench.ui.ViewStage;
import dev.lrrecsys.workbench.ui.comparison.ComparisonViewModel.Column;
import dev.lrrecsys.workbench.ui.comparison.ComparisonViewModel.SampleItem;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.lrrecsys.workbench.ui.ViewStage.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** Side-by-side on the sample project with offline explanations: picking samples, highlighting, errors. */
@ExtendWith(ApplicationExtension.class)
class ComparisonViewTest {

    @TempDir
    Path tmp;

    private ViewStage stage;
    private ComparisonView view;

    @Start
    void start(Stage window) throws Exception {
        stage = new ViewStage(SampleCopy.openWithExplanations(tmp));
        view = stage.show(window, ComparisonView::new);
    }

    @AfterEach
    void close() throws Exception {
        stage.close();
    }

    @Test
    void picksTwoSamplesFromTheListAndHighlightsOnlyWordsTheOtherLacks(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<SampleItem> list = robot.lookup("#sampleList").queryAs(ListView.class);
        waitFor(() -> list.getItems().size() > 3);
        SampleItem first = list.getItems().get(1);
        SampleItem second = list.getItems().get(3);
        robot.interact(() -> {
            list.getSelectionModel().select(first);
            view.pick(false);
        });
        waitFor(() -> view.viewModel().columns().size() == 1
                && view.viewModel().columns().get(0).header().startsWith("sample " + first.sampleId() + ":"));
        robot.interact(() -> {
            list.getSelectionModel().select(second);
            view.pick(true);
        });
        waitFor(() -> view.viewModel().columns().size() == 2);
        List<Column> cols = List.copyOf(view.viewModel().columns());
        assertThat(cols.get(1).header()).startsWith("sample " + second.sampleId() + ":");

        HBox cards = robot.lookup("#comparisonColumns").queryAs(HBox.class);
        waitFor(() -> cards.getChildren().size() == 2);
        List<TextFlow> flows = new ArrayList<>();
        for (Node card : cards.getChildren()) {
            for (Node n : ((javafx.scene.Parent) card).getChildrenUnmodifiable()) {
                if (n instanceof TextFlow flow) {
                    flows.add(flow);
                }
            }
        }
        assertThat(flows).hasSize(4); // positive and negative per card
        String[] texts = {cols.get(0).positive(), cols.get(0).negative(), cols.get(1).positive(), cols.get(1).negative()};
        int highlighted = 0;
        int plain = 0;
        for (int f = 0; f < 4; f++) {
            String other = words(texts[(f + 2) % 4]);
            for (Node n : flows.get(f).getChildren()) {
                Text t = (Text) n;
                String w = t.getText().toLowerCase(Locale.ROOT);
                if (Character.isLetterOrDigit(w.charAt(0))) {
                    boolean different = t.getStyleClass().contains("word-different");
                    assertThat(different).as("'%s' in flow %d", w, f).isEqualTo(!other.contains(" " + w + " "));
                    highlighted += different ? 1 : 0;
                    plain += different ? 0 : 1;
                }
            }
        }
        assertThat(plain).isPositive();
        assertThat(highlighted).isPositive();

        // Searching narrows the list to samples of that product or consumer.
        robot.interact(() -> view.viewModel().sampleSearchProperty().set(second.product()));
        waitFor(() -> !list.getItems().isEmpty() && list.getItems().stream().allMatch(s -> s.product().contains(second.product())
                || s.consumer().contains(second.product())));
        ViewStage.assertNothingElided(view.node());
        assertThat(stage.errors).isEmpty();
    }

    @Test
    void anErrorClearsThePreviousComparison(FxRobot robot) throws Exception {
        HBox cards = robot.lookup("#comparisonColumns").queryAs(HBox.class);
        waitFor(() -> !cards.getChildren().isEmpty());
        robot.interact(() -> {
            view.viewModel().firstProperty().set("999999");
            view.viewModel().compare();
        });
        waitFor(() -> view.viewModel().messageProperty().get().equals("There is no sample 999999 in this project."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cards.getChildren()).isEmpty();
        assertThat(view.viewModel().columns()).isEmpty();

        String shown = view.viewModel().samples().isEmpty() ? "" : Long.toString(view.viewModel().samples().get(0).sampleId());
        robot.interact(() -> view.viewModel().firstProperty().set(shown));
        robot.interact(view.viewModel()::compare);
        waitFor(() -> !cards.getChildren().isEmpty());
        robot.interact(() -> {
            view.viewModel().firstProperty().set("12x");
            view.viewModel().compare();
        });
        assertThat(view.viewModel().messageProperty().get()).isEqualTo("Sample ids are whole numbers.");
        assertThat(cards.getChildren()).isEmpty();
    }

    /** The text's words, lower-cased, each with a space either side. */
    private static String words(String text) {
        StringBuilder b = new StringBuilder(" ");
        for (String token : WordDifference.tokens(text)) {
            if (Character.isLetterOrDigit(token.charAt(0))) {
                b.append(token.toLowerCase(Locale.ROOT)).append(' ');
            }
        }
        return b.toString();
    }
}
