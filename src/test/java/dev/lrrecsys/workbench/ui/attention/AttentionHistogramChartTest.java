package dev.lrrecsys.workbench.ui.attention;

import dev.lrrecsys.workbench.insight.AttentionHistograms;
import dev.lrrecsys.workbench.ui.ChartPalette;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.entity.XYItemEntity;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alpha_pos / alpha_neg histogram draws the two series' bars of a bin side by side in the legend's own
 * colours, so no third colour appears where they would have overlapped.
 */
class AttentionHistogramChartTest {

    @Test
    void barsOfOneBinSitSideBySideInTheLegendColours() {
        // Both series fill the same two bins.
        AttentionHistograms h = new AttentionHistograms(new double[]{0.1, 0.2, 0.3},
                new long[][][]{{{5, 3}, {4, 6}}, {{1, 1}, {1, 1}}}, 8, 2);
        JFreeChart chart = AttentionView.histogram(h, AttentionHistograms.HIGH, "High");
        for (boolean dark : new boolean[]{false, true}) {
            ChartPalette palette = ChartPalette.of(dark);
            palette.apply(chart);
            AttentionView.sideColours(chart, palette);
            XYBarRenderer renderer = (XYBarRenderer) chart.getXYPlot().getRenderer();
            assertThat(((Color) renderer.getSeriesPaint(0)).getAlpha()).isEqualTo(255);
            assertThat(((Color) renderer.getSeriesPaint(1)).getAlpha()).isEqualTo(255);
            assertThat(chart.getXYPlot().getLegendItems().get(0).getFillPaint()).isEqualTo(palette.positive());
            assertThat(chart.getXYPlot().getLegendItems().get(1).getFillPaint()).isEqualTo(palette.negative());
        }

        // Drawn, the bars of the same bin do not overlap.
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB);
        chart.draw(image.createGraphics(), new Rectangle2D.Double(0, 0, 600, 400), info);
        List<Rectangle2D> pos = new ArrayList<>();
        List<Rectangle2D> neg = new ArrayList<>();
        info.getEntityCollection().getEntities().forEach(e -> {
            if (e instanceof XYItemEntity item) {
                (item.getSeriesIndex() == 0 ? pos : neg).add(item.getArea().getBounds2D());
            }
        });
        assertThat(pos).hasSize(2);
        assertThat(neg).hasSize(2);
        for (int b = 0; b < 2; b++) {
            assertThat(pos.get(b).getMaxX()).isLessThanOrEqualTo(neg.get(b).getMinX() + 0.5);
        }
    }
}
