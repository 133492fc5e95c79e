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
import java.util.List;

/**
 * JFreeChart is not styled by AtlantaFX: this rebuilds a chart's colours from the Primer palette of the
 * current theme (background, text, grid, and the series colours: one categorical scale plus the colours of the
 * positive and negative sides). {@link ChartPane} applies it to its chart, and again whenever the theme switches.
 *
 * @param series categorical colours for series and pie sections, in order
 */
public record ChartPalette(Color background, Color foreground, Color muted, Color grid, Color positive, Color negative,
                           Color accent, List<Color> series) {

    public static final ChartPalette LIGHT = new ChartPalette(new Color(0xffffff), new Color(0x24292f), new Color(0x57606a),
            new Color(0xd0d7de), new Color(0x1a7f37), new Color(0xcf222e), new Color(0x0969da),
            List.of(new Color(0x0969da), new Color(0xbc4c00), new Color(0x1a7f37), new Color(0x8250df), new Color(0xcf222e),
                    new Color(0x9a6700), new Color(0xbf3989), new Color(0x57606a)));
    public static final ChartPalette DARK = new ChartPalette(new Color(0x0d1117), new Color(0xc9d1d9), new Color(0x8b949e),
            new Color(0x30363d), new Color(0x3fb950), new Color(0xf85149), new Color(0x58a6ff),
            List.of(new Color(0x58a6ff), new Color(0xdb6d28), new Color(0x3fb950), new Color(0xa371f7), new Color(0xf85149),
                    new Color(0xd29922), new Color(0xdb61a2), new Color(0x8b949e)));

    /** Series colours a view sets by meaning (positive side, fitted line, ...), re-run after every theme switch. */
    @FunctionalInterface
    public interface SeriesColours {
        void apply(JFreeChart chart, ChartPalette palette);
    }

    public static ChartPalette of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /** The i-th categorical colour (repeating). */
    public Color series(int i) {
        return series.get(i % series.size());
    }

    /** The colour with the given alpha (0..255), for overlaid bars and dense points. */
    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
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
            // Colours run on across datasets: a second dataset (e.g. the validation curve on its own axis) must
            // not reuse the first dataset's first colour.
            int colour = 0;
            for (int d = 0; d < xy.getRendererCount(); d++) {
                if (xy.getRenderer(d) != null && xy.getDataset(d) != null) {
                    for (int i = 0; i < xy.getDataset(d).getSeriesCount(); i++) {
                        xy.getRenderer(d).setSeriesPaint(i, series(colour++));
                    }
                }
            }
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
            }
            if (cat.getRenderer() != null && cat.getDataset() != null) {
                for (int i = 0; i < cat.getDataset().getRowCount(); i++) {
                    cat.getRenderer().setSeriesPaint(i, series(i));
                }
            }
        } else if (plot instanceof PiePlot<?> pie) {
            pie.setLabelBackgroundPaint(background);
            pie.setLabelPaint(foreground);
            pie.setLabelOutlinePaint(grid);
            pie.setLabelShadowPaint(null);
            pie.setShadowPaint(null);
            if (pie.getDataset() != null) {
                for (int i = 0; i < pie.getDataset().getItemCount(); i++) {
                    pie.setSectionPaint(pie.getDataset().getKey(i), series(i));
                }
            }
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
