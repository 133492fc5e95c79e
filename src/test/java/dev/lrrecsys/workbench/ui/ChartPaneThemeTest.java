package dev.lrrecsys.workbench.ui;

import javafx.beans.property.SimpleBooleanProperty;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Switching the theme restyles a shown chart: background, axes, and the series colours chosen by meaning. */
class ChartPaneThemeTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void switchingThemeRepaintsBackgroundAndSeries() throws Exception {
        SimpleBooleanProperty dark = new SimpleBooleanProperty(false);
        ChartPane pane = WaitForAsyncUtils.asyncFx(() -> new ChartPane(dark, new FileExport("Export chart", java.nio.file.Path.of("exports"), new DirectBackground(), (a, e) -> { }, java.time.LocalDate::now))).get();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(3, "negative", "price");
        data.addValue(2, "negative", "noise");
        JFreeChart chart = ChartFactory.createBarChart("Negative keywords", null, "Count", data, PlotOrientation.HORIZONTAL, false, true, false);
        WaitForAsyncUtils.asyncFx(() -> pane.setChart(chart,
                (c, palette) -> c.getCategoryPlot().getRenderer().setSeriesPaint(0, palette.negative()))).get();
        assertThat(chart.getBackgroundPaint()).isEqualTo(ChartPalette.LIGHT.background());
        assertThat(chart.getCategoryPlot().getRenderer().getSeriesPaint(0)).isEqualTo(ChartPalette.LIGHT.negative());
        assertThat(chart.getCategoryPlot().getRangeAxis().getTickLabelPaint()).isEqualTo(ChartPalette.LIGHT.muted());

        WaitForAsyncUtils.asyncFx(() -> dark.set(true)).get();
        assertThat(chart.getBackgroundPaint()).isEqualTo(ChartPalette.DARK.background()).isNotEqualTo(ChartPalette.LIGHT.background());
        assertThat(chart.getCategoryPlot().getRenderer().getSeriesPaint(0)).isEqualTo(ChartPalette.DARK.negative())
                .isNotEqualTo(ChartPalette.LIGHT.negative());
        assertThat(chart.getCategoryPlot().getRangeAxis().getTickLabelPaint()).isEqualTo(ChartPalette.DARK.muted());
    }

    @Test
    void chartsWithoutColoursByMeaningTakeTheThemesCategoricalScale() throws Exception {
        SimpleBooleanProperty dark = new SimpleBooleanProperty(true);
        ChartPane pane = WaitForAsyncUtils.asyncFx(() -> new ChartPane(dark, new FileExport("Export chart", java.nio.file.Path.of("exports"), new DirectBackground(), (a, e) -> { }, java.time.LocalDate::now))).get();
        DefaultPieDataset<String> shares = new DefaultPieDataset<>();
        shares.setValue("history 1", 0.3);
        shares.setValue("candidate", 0.7);
        JFreeChart pie = ChartFactory.createPieChart("Share of attention", shares, true, true, false);
        WaitForAsyncUtils.asyncFx(() -> pane.setChart(pie)).get();
        @SuppressWarnings("unchecked")
        PiePlot<String> plot = (PiePlot<String>) pie.getPlot();
        assertThat(plot.getSectionPaint("candidate")).isEqualTo(ChartPalette.DARK.series(1));
        WaitForAsyncUtils.asyncFx(() -> dark.set(false)).get();
        assertThat(plot.getSectionPaint("candidate")).isEqualTo(ChartPalette.LIGHT.series(1));
        assertThat(plot.getSectionPaint("history 1")).isEqualTo(ChartPalette.LIGHT.series(0));
    }

    @Test
    void aSecondDatasetOnItsOwnAxisGetsTheNextColourNotTheFirstAgain() {
        org.jfree.data.xy.XYSeriesCollection loss = new org.jfree.data.xy.XYSeriesCollection(new org.jfree.data.xy.XYSeries("loss"));
        org.jfree.data.xy.XYSeriesCollection metric = new org.jfree.data.xy.XYSeriesCollection(new org.jfree.data.xy.XYSeries("metric"));
        JFreeChart chart = ChartFactory.createXYLineChart("curve", "epoch", "loss", loss, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setDataset(1, metric);
        chart.getXYPlot().setRenderer(1, new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer());
        ChartPalette.LIGHT.apply(chart);
        assertThat(chart.getXYPlot().getRenderer(0).getSeriesPaint(0)).isEqualTo(ChartPalette.LIGHT.series(0));
        assertThat(chart.getXYPlot().getRenderer(1).getSeriesPaint(0)).isEqualTo(ChartPalette.LIGHT.series(1))
                .isNotEqualTo(ChartPalette.LIGHT.series(0));
    }
}
