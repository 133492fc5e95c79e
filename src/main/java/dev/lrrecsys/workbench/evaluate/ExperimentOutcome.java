package dev.lrrecsys.workbench.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an experiment produced: its id, one result table per training fraction, the uncertainty-vs-gain
 * line per fraction (where LR-Recsys and a baseline ran), the exported files, and notes to print beside the
 * tables (ranking: what was ranked and where the candidates' explanations came from).
 */
public record ExperimentOutcome(long experimentId, int trainSamples, int testSamples, int excludedSamples,
                                List<ResultTable> tables, Map<Double, UncertaintyAnalysis.Fit> uncertainty,
                                Path csv, Path markdown, List<String> notes) {

    /** An outcome without notes (the ranking task adds what was ranked and where its explanations came from). */
    public ExperimentOutcome(long experimentId, int trainSamples, int testSamples, int excludedSamples,
                             List<ResultTable> tables, Map<Double, UncertaintyAnalysis.Fit> uncertainty, Path csv,
                             Path markdown) {
        this(experimentId, trainSamples, testSamples, excludedSamples, tables, uncertainty, csv, markdown, List.of());
    }
}
