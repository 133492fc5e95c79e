package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.store.CaseRepository.RunPrediction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only figures of one case: every model's stored prediction of the sample across an experiment's runs. */
public final class CaseAnalysis {

    /** One model's predictions of the sample over its runs: mean and sample standard deviation (NaN for one run). */
    public record ModelSpread(String model, int runs, double mean, double sd, double min, double max) {
    }

    private CaseAnalysis() {
    }

    /** Per model, in the order models first appear. */
    public static List<ModelSpread> spreadByModel(List<RunPrediction> predictions) {
        Map<String, List<Double>> byModel = new LinkedHashMap<>();
        for (RunPrediction p : predictions) {
            byModel.computeIfAbsent(p.model(), k -> new ArrayList<>()).add(p.value());
        }
        List<ModelSpread> out = new ArrayList<>();
        byModel.forEach((model, values) -> {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            double sd = values.size() > 1 ? Math.sqrt(squares / (values.size() - 1)) : Double.NaN;
            out.add(new ModelSpread(model, values.size(), mean, sd,
                    values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
        });
        return out;
    }
}
