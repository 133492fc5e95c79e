package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.evaluate.RepeatStatistics;
import dev.lrrecsys.workbench.evaluate.ResultTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Two stored experiments (or two training fractions of one) side by side: per model and metric, each one's
 * mean (sd) over its repeats and the difference of the means, with which side it favours.
 */
public final class ExperimentComparison {

    /**
     * @param difference second mean minus first mean (NaN where either has no finished run)
     * @param verdict    "second better", "first better", "equal" or "" when not comparable
     */
    public record Row(String model, String metric, String first, String second, double difference, String verdict) {
    }

    private ExperimentComparison() {
    }

    /** Rows for every model of either table (first's order, then second's new ones) and every metric of the first. */
    public static List<Row> of(ResultTable first, List<String> firstModels, ResultTable second, List<String> secondModels) {
        Set<String> models = new LinkedHashSet<>(firstModels);
        models.addAll(secondModels);
        List<Row> out = new ArrayList<>();
        for (String model : models) {
            for (ResultTable.Metric metric : first.metrics()) {
                double[] a = firstModels.contains(model) ? first.values(model, metric) : new double[0];
                double[] b = secondModels.contains(model) && second.metrics().stream().anyMatch(m -> m.name().equals(metric.name()))
                        ? second.values(model, metric) : new double[0];
                double diff = a.length == 0 || b.length == 0 ? Double.NaN : RepeatStatistics.mean(b) - RepeatStatistics.mean(a);
                out.add(new Row(model, metric.name(), a.length == 0 ? "" : RepeatStatistics.meanSd(a),
                        b.length == 0 ? "" : RepeatStatistics.meanSd(b), diff, verdict(diff, metric.lowerIsBetter())));
            }
        }
        return out;
    }

    private static String verdict(double diff, boolean lowerIsBetter) {
        if (Double.isNaN(diff)) {
            return "";
        }
        if (diff == 0) {
            return "equal";
        }
        return (diff < 0) == lowerIsBetter ? "second better" : "first better";
    }
}
