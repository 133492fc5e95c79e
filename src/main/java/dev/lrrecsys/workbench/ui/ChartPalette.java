package dev.lrrecsys.workbench.ui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

import java.awt.Color;
import java.awt.Font;

/**
 * JFreeChart is not styled by AtlantaFX: this rebuilds a chart's colours from the Primer palette of the
 * current theme (background, text, grid) and names the series colours used for positive and negative sides.
 */
public record ChartPalette(Color background, Color foreground, Color muted, Color grid, Color positive, Color negative,
                           Color accent) {

    public static final ChartPalette LIGHT = new ChartPalette(new Color(0xffffff), new Color(0x24292f), new Color(0x57606a),
            new Color(0xd0d7de), new Color(0x1a7f37), new Color(0xcf222e), new Color(0x0969da));
    public static final ChartPalette DARK = new ChartPalette(new Color(0x0d1117), new Color(0xc9d1d9), new Color(0x8b949e),
            new Color(0x30363d), new Color(0x3fb950), new Color(0xf85149), new Color(0x58a6ff));

    public static ChartPalette of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    public void apply(JFreeChart chart) {
        chart.setBackgroundPaint(background);
        chart.setAntiAlias(true);
        if (chart.getTitle() != null) {
            TextTitle title = chart.getTitle();
            title.setPaint(foreground);
            title.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setBackgroundPaint(background);
                legend.setItemPaint(foreground);
            } else if (chart.getSubtitle(i) instanceof TextTitle text) {
                text.setPaint(muted);
            }
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(background);
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid);
            xy.setRangeGridlinePaint(grid);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i));
            }
        } else if (plot instanceof CategoryPlot cat) {
            cat.setDomainGridlinePaint(grid);
            cat.setRangeGridlinePaint(grid);
            axis(cat.getDomainAxis());
            axis(cat.getRangeAxis());
            if (cat.getRenderer() instanceof org.jfree.chart.renderer.category.BarRenderer bars) {
                bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
                bars.setShadowVisible(false);
                if (bars.getSeriesPaint(0) == null) {
                    bars.setSeriesPaint(0, accent);
                }
            }
        } else if (plot instanceof PiePlot<?> pie) {
            pie.setLabelBackgroundPaint(background);
            pie.setLabelPaint(foreground);
            pie.setLabelOutlinePaint(grid);
            pie.setLabelShadowPaint(null);
            pie.setShadowPaint(null);
        }
    }

    private void axis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelPaint(foreground);
        axis.setTickLabelPaint(muted);
        axis.setAxisLinePaint(grid);
        axis.setTickMarkPaint(grid);
    }
}
