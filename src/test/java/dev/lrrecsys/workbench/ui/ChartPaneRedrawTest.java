package dev.lrrecsys.workbench.ui;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.stage.Stage;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Styling a shown chart for the theme announces one change (one redraw), not one per colour set: the dozens of
 * redraws made the keyword charts take seconds after "Rank by" changed.
 */
@ExtendWith(ApplicationExtension.class)
class ChartPaneRedrawTest {

    private final SimpleBooleanProperty dark = new SimpleBooleanProperty(false);
    private ChartPane pane;

    @Start
    void start(Stage stage) {
        pane = new ChartPane(dark, new FileExport("Export chart", java.nio.file.Path.of("exports"), new DirectBackground(), (a, e) -> { }, java.time.LocalDate::now));
    }

    @Test
    void aThemeSwitchRedrawsTheChartOnce(FxRobot robot) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < 15; i++) {
            data.addValue(i, "negative", "term " + i);
        }
        JFreeChart chart = ChartFactory.createBarChart("Negative keywords", null, "Count", data, PlotOrientation.HORIZONTAL,
                false, true, false);
        robot.interact(() -> pane.setChart(chart, (c, palette) -> c.getCategoryPlot().getRenderer().setSeriesPaint(0, palette.negative())));
        AtomicInteger changes = new AtomicInteger();
        chart.addChangeListener(e -> changes.incrementAndGet());
        robot.interact(() -> dark.set(true));
        assertThat(changes.get()).isEqualTo(1);
        assertThat(chart.getCategoryPlot().getRenderer().getSeriesPaint(0)).isEqualTo(ChartPalette.of(true).negative());
    }

    @Test
    void titlesHiddenOnScreenStayInTheExportedFile(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(3, "negative", "payment cash");
        JFreeChart chart = ChartFactory.createBarChart("Negative keywords: Tortas Locas", null, "Count", data,
                PlotOrientation.HORIZONTAL, false, true, false);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle("Source: offline / offline reasoner (no LLM)"));
        robot.interact(() -> {
            pane.titlesInExportsOnly();
            pane.setChart(chart);
        });
        assertThat(chart.getTitle().isVisible()).isFalse();
        java.nio.file.Path svg = tmp.resolve("chart.svg");
        pane.exportSvg(svg);
        assertThat(java.nio.file.Files.readString(svg)).contains("Negative keywords: Tortas Locas")
                .contains("Source: offline / offline reasoner (no LLM)");
        assertThat(chart.getTitle().isVisible()).isFalse();
    }
}
