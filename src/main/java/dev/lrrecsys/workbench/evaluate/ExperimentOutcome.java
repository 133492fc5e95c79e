package dev.lrrecsys.workbench.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an experiment produced: its id, one result table per training fraction, the uncertainty-vs-gain
 * line per fraction (where LR-Recsys and a baseline ran), and the exported files.
 */
public record ExperimentOutcome(long experimentId, int trainSamples, int testSamples, int excludedSamples,
                                List<ResultTable> tables, Map<Double, UncertaintyAnalysis.Fit> uncertainty,
                                Path csv, Path markdown) {
}
