package dev.lrrecsys.workbench.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A JFreeChart in the window with "PNG" and "SVG" export buttons; it re-applies the theme's palette whenever
 * the chart or the theme changes.
 */
public final class ChartPane extends VBox {

    static final int EXPORT_WIDTH = 1200;
    static final int EXPORT_HEIGHT = 800;

    private final ChartViewer viewer = new ChartViewer();
    private final ObservableBooleanValue dark;
    private ChartPalette.SeriesColours seriesColours = (chart, palette) -> { };
    private boolean titlesInExportsOnly;
    private final Button png = new Button("PNG");
    private final Button svg = new Button("SVG");

    public ChartPane(ObservableBooleanValue dark, FileExport exporter) {
        this.dark = dark;
        png.setTooltip(new Tooltip("Export this chart as a PNG image"));
        svg.setTooltip(new Tooltip("Export this chart as an SVG drawing"));
        // Named after the chart's title, which says what it shows (restaurant, run, source).
        png.setOnAction(e -> exporter.chooseAndSave(this, chartTitle(), "PNG image", "*.png", this::exportPng));
        svg.setOnAction(e -> exporter.chooseAndSave(this, chartTitle(), "SVG drawing", "*.svg", this::exportSvg));
        png.setDisable(true);
        svg.setDisable(true);
        HBox bar = new HBox(6, png, svg);
        bar.getStyleClass().add(Styles.TOOLBAR);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        getChildren().addAll(viewer, bar);
        dark.addListener((o, was, now) -> restyle());
        viewer.setMinSize(200, 150);
    }

    public void setChart(JFreeChart chart) {
        setChart(chart, (c, palette) -> { });
    }

    /** Shows the chart styled for the theme, with the view's series colours by meaning on top of the palette's. */
    public void setChart(JFreeChart chart, ChartPalette.SeriesColours colours) {
        seriesColours = colours;
        style(chart);
        viewer.setChart(chart);
        png.setDisable(chart == null);
        svg.setDisable(chart == null);
        restyle();
    }

    /**
     * Hides the chart's titles on screen, where the view's own heading says the same, and keeps them in exported
     * files, which must say on their own what they show: a small window gives the plot their room.
     */
    public void titlesInExportsOnly() {
        titlesInExportsOnly = true;
        restyle();
    }

    public JFreeChart chart() {
        return viewer.getChart();
    }

    public ChartViewer viewer() {
        return viewer;
    }

    private void restyle() {
        style(viewer.getChart());
    }

    /**
     * Applies the palette with the chart's change events held back: every colour set on a shown chart redrew it
     * at once, and the dozens of them made a keyword chart take seconds to appear. One redraw at the end.
     */
    private void style(JFreeChart chart) {
        if (chart == null) {
            return;
        }
        chart.setNotify(false);
        try {
            ChartPalette palette = ChartPalette.of(dark.get());
            palette.apply(chart);
            seriesColours.apply(chart, palette);
            if (titlesInExportsOnly) {
                showTitles(chart, false);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** The chart's title, or null (the export's own title then names the file). */
    private String chartTitle() {
        return viewer.getChart() != null && viewer.getChart().getTitle() != null ? viewer.getChart().getTitle().getText() : null;
    }

    private static void showTitles(JFreeChart chart, boolean visible) {
        if (chart.getTitle() != null) {
            chart.getTitle().setVisible(visible);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                t.setVisible(visible);
            }
        }
    }

    /** The chart as a file shows it: a copy with its titles, whatever the screen hides. */
    private JFreeChart forExport() {
        JFreeChart shown = viewer.getChart();
        if (!titlesInExportsOnly) {
            return shown;
        }
        try {
            JFreeChart copy = (JFreeChart) shown.clone();
            showTitles(copy, true);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new dev.lrrecsys.workbench.WorkbenchException("Cannot copy the chart for export: " + e.getMessage(), e);
        }
    }

    public void exportPng(Path file) {
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), forExport(), EXPORT_WIDTH, EXPORT_HEIGHT);
        } catch (IOException e) {
            throw new dev.lrrecsys.workbench.WorkbenchException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public void exportSvg(Path file) {
        SVGGraphics2D g2 = new SVGGraphics2D(EXPORT_WIDTH, EXPORT_HEIGHT);
        forExport().draw(g2, new Rectangle(0, 0, EXPORT_WIDTH, EXPORT_HEIGHT));
        try {
            SVGUtils.writeToSVG(file.toFile(), g2.getSVGElement());
        } catch (IOException e) {
            throw new dev.lrrecsys.workbench.WorkbenchException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
