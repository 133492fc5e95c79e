package dev.lrrecsys.workbench.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown report of an experiment: its setup, one Table-2-style table per fraction, uncertainty vs gain. */
final class ExperimentReport {

    private ExperimentReport() {
    }

    static String markdown(long experimentId, ExperimentSettings s, ComputeDevice device, int train, int test,
                           int excluded, List<ResultTable> tables, Map<Double, UncertaintyAnalysis.Fit> fits) {
        StringBuilder b = new StringBuilder();
        String nl = System.lineSeparator();
        b.append("## Experiment ").append(experimentId).append(": ").append(s.task().name().toLowerCase(Locale.ROOT))
                .append(nl).append(nl);
        b.append(String.format(Locale.ROOT, "%d repeats (seeds %d..%d), at most %d epochs (validation fraction %s, "
                        + "patience %d), batch %d, learning rate %s, weight decay %s, dropout %s; explanations: %s / %s, variant %s%n",
                s.repeats(), s.seed(), s.seed() + s.repeats() - 1, s.epochs(), s.validationFraction(), s.patience(),
                s.batchSize(), s.learningRate(), s.weightDecay(), s.dropout(), s.generator(), s.generatorModel(),
                s.variant()));
        b.append(String.format(Locale.ROOT, "%d training and %d test samples; %d samples without an explanation pair "
                + "left out for every model%n", train, test, excluded));
        b.append("backend: ").append(device.backend()).append("; device: ").append(device.device()).append(nl).append(nl);
        b.append("Mean (sd) over the repeats; RMSE and MAE on ratings scaled to [0,1] unless marked.").append(nl).append(nl);
        for (ResultTable t : tables) {
            b.append(t.markdown()).append(nl);
            UncertaintyAnalysis.Fit fit = fits.get(t.trainFraction());
            if (fit != null) {
                b.append(uncertaintyLine(fit)).append(nl).append(nl);
            }
        }
        return b.toString();
    }

    static String uncertaintyLine(UncertaintyAnalysis.Fit fit) {
        return String.format(Locale.ROOT, "Uncertainty vs gain: slope %.4g, intercept %.4g, p = %.4g, n = %d",
                fit.slope(), fit.intercept(), fit.pValue(), fit.n());
    }
}
