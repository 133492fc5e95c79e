package dev.lrrecsys.workbench.ui.settings;

import dev.lrrecsys.workbench.store.RunRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rough time for a training choice, from this project's earlier runs: each model's seconds per epoch on all of the
 * training data, times epochs x repeats x the training fractions. A model never run here is named, not guessed,
 * and the autoencoder (trained first when its codes are missing) is not counted.
 */
public final class TrainingEstimate {

    private final Map<String, Double> secondsPerFullEpoch;

    private TrainingEstimate(Map<String, Double> secondsPerFullEpoch) {
        this.secondsPerFullEpoch = secondsPerFullEpoch;
    }

    /** Measures each model's speed from its newest finished run (the runs in any order). */
    public static TrainingEstimate fromRuns(List<RunRecord> runs) {
        Map<String, Double> rate = new HashMap<>();
        Map<String, Long> newest = new HashMap<>();
        for (RunRecord r : runs) {
            if ("done".equals(r.status()) && r.seconds() != null && r.epochs() > 0 && r.trainFraction() > 0
                    && r.id() > newest.getOrDefault(r.model(), Long.MIN_VALUE)) {
                newest.put(r.model(), r.id());
                rate.put(r.model(), r.seconds() / (r.epochs() * r.trainFraction()));
            }
        }
        return new TrainingEstimate(rate);
    }

    public static TrainingEstimate none() {
        return new TrainingEstimate(Map.of());
    }

    /** "Estimate: about 2 min (from this project's earlier runs)", naming the models it could not time. */
    public String describe(List<String> models, int epochs, int repeats, List<Double> fractions) {
        double seconds = 0;
        List<String> unmeasured = new ArrayList<>();
        double share = fractions.stream().mapToDouble(Double::doubleValue).sum();
        for (String model : models) {
            Double rate = secondsPerFullEpoch.get(model);
            if (rate == null) {
                unmeasured.add(model);
            } else {
                seconds += rate * epochs * repeats * share;
            }
        }
        if (unmeasured.size() == models.size()) {
            return "Estimate: not yet (no earlier run of " + String.join(", ", unmeasured)
                    + " in this project to time; the first run measures it)";
        }
        return "Estimate: about " + duration(seconds) + " (from this project's earlier runs"
                + (unmeasured.isEmpty() ? "" : "; plus " + String.join(", ", unmeasured) + ", not timed yet") + ")";
    }

    static String duration(double seconds) {
        if (seconds < 60) {
            return Math.max(1, Math.round(seconds)) + " s";
        }
        if (seconds < 3600) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
