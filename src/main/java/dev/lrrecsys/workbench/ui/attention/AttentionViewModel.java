package dev.lrrecsys.workbench.ui.attention;

import dev.lrrecsys.workbench.evaluate.AttentionAcrossRuns;
import dev.lrrecsys.workbench.evaluate.AttentionReport;
import dev.lrrecsys.workbench.evaluate.AttentionSummary;
import dev.lrrecsys.workbench.insight.AttentionHistograms;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.RunBrowseRepository;
import dev.lrrecsys.workbench.store.RunBrowseRepository.AttentionRun;
import dev.lrrecsys.workbench.store.RunBrowseRepository.BinSample;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.LatestOnly;
import dev.lrrecsys.workbench.ui.ReadJob;
import dev.lrrecsys.workbench.evaluate.ModelCatalog;
import dev.lrrecsys.workbench.ui.RunChoice;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The attention view's state: a run's Figure-7 histograms, the Figure-10 shares and the samples of a chosen bin. */
public final class AttentionViewModel {

    static final int BINS = 20;

    /**
     * A run's attention analysis, and the same over every run of its model, experiment and training fraction
     * (the repeats), as `lrw attention` prints it.
     */
    public record Analysis(AttentionHistograms histograms, AttentionSummary summary, AttentionAcrossRuns acrossRuns,
                           AttentionRun run, DatasetInfo dataset) {
    }

    private final Background background;
    private final Database database;
    private final Consumer<Throwable> errors;
    private final RunBrowseRepository browse = new RunBrowseRepository();
    /** Opens on an LR-Recsys run when there is one (as `lrw attention` does): its weights are the ones the paper reads. */
    private final RunChoice<AttentionRun> run = new RunChoice<>(AttentionRun::id,
            runs -> runs.stream().filter(r -> ModelCatalog.LR_RECSYS.equals(r.model())).findFirst().orElse(runs.get(0)),
            this::load);
    private final ObjectProperty<Analysis> analysis = new SimpleObjectProperty<>();
    private final ObservableList<BinSample> binSamples = FXCollections.observableArrayList();
    private final StringProperty binTitle = new SimpleStringProperty("Click a bar to list its samples.");
    private final StringProperty means = new SimpleStringProperty("");
    private final BooleanProperty empty = new SimpleBooleanProperty(false);
    private final LatestOnly loader = new LatestOnly();
    private final LatestOnly binLoader = new LatestOnly();

    public AttentionViewModel(Background background, Database database, Consumer<Throwable> errors) {
        this.background = background;
        this.database = database;
        this.errors = errors;
    }

    public void refresh() {
        loader.load(background, new ReadJob<>("Attention runs", database, browse::attentionRuns), list -> {
            empty.set(list.isEmpty());
            run.offer(list);
        }, errors);
    }

    private void load() {
        AttentionRun r = run.chosen();
        if (r == null) {
            analysis.set(null);
            return;
        }
        loader.load(background, new ReadJob<>("Attention of run " + r.id(), database, tx -> {
            // The same repeats as `lrw attention`: the finished runs of this model, experiment and training fraction.
            AttentionReport report = AttentionReport.repeatsOf(tx, r.experimentId(), r.model(), r.trainFraction());
            int at = report.indexOf(r.id());
            if (at < 0) {
                throw new dev.lrrecsys.workbench.WorkbenchException("Run " + r.id() + " has not finished yet.");
            }
            return new Analysis(AttentionHistograms.of(report.rows().get(at), report.dataset(), BINS),
                    report.summaries().get(at), report.acrossRuns(), r, report.dataset());
        }), a -> {
            analysis.set(a);
            means.set(describe(a));
            binSamples.clear();
            binTitle.set("Click a bar to list its samples.");
        }, errors);
    }

    /** The chosen run's means, then the summary over its repeats with the paired test of the high-low gap. */
    static String describe(Analysis a) {
        AttentionSummary s = a.summary();
        AttentionAcrossRuns all = a.acrossRuns();
        String thisRun = String.format(Locale.ROOT, "Run %d: high-rated (%d) mean alpha_pos %.4f, alpha_neg %.4f; "
                        + "low-rated (%d) mean alpha_pos %.4f, alpha_neg %.4f",
                a.run().id(), s.highCount(), s.highAlphaPos(), s.highAlphaNeg(), s.lowCount(), s.lowAlphaPos(), s.lowAlphaNeg());
        int n = all.runs().size();
        String test = n < 2 ? "one run: no test over runs"
                : String.format(Locale.ROOT, "paired t-test over %d runs: p = %.4g", n, all.alphaPosGap().pValue());
        String repeats = String.format(Locale.ROOT, "All %d %s run%s of experiment %d: high minus low alpha_pos %.5f "
                        + "(sd %.5f), %s; explanations take %.1f%% (sd %.1f) of attention; a row's largest weight "
                        + "is %.3f on average (0.167 if uniform)",
                n, a.run().model(), n == 1 ? "" : "s", a.run().experimentId(), all.alphaPosGap().mean(),
                all.alphaPosGap().sd(), test, 100 * all.explanationShare().mean(), 100 * all.explanationShare().sd(),
                all.rowMax().mean());
        return thisRun + "\n" + repeats;
    }

    /** Lists the samples of one bar: group (high/low), side (pos/neg), bin index. */
    public void selectBin(int group, int side, int bin) {
        AttentionRun r = run.chosen();
        Analysis a = analysis.get();
        if (r == null || a == null) {
            return;
        }
        double from = a.histograms().edges()[bin];
        // The last bin is closed on the right, so its upper bound is nudged past the top edge.
        double to = bin == a.histograms().bins() - 1 ? a.histograms().edges()[bin + 1] + 1e-6 : a.histograms().edges()[bin + 1];
        boolean high = group == AttentionHistograms.HIGH;
        boolean pos = side == AttentionHistograms.POS;
        binTitle.set(String.format(Locale.ROOT, "%s-rated samples with alpha_%s in [%.3f, %.3f)", high ? "High" : "Low",
                pos ? "pos" : "neg", from, to));
        binLoader.load(background, new ReadJob<>("Bin samples", database,
                tx -> browse.samplesInBin(tx, r.id(), pos, from, to, high, a.dataset().highThreshold(), 500)), binSamples::setAll, errors);
    }

    public RunChoice<AttentionRun> run() {
        return run;
    }

    public ObjectProperty<Analysis> analysisProperty() {
        return analysis;
    }

    public ObservableList<BinSample> binSamples() {
        return binSamples;
    }

    public StringProperty binTitleProperty() {
        return binTitle;
    }

    public StringProperty meansProperty() {
        return means;
    }

    public BooleanProperty emptyProperty() {
        return empty;
    }
}
