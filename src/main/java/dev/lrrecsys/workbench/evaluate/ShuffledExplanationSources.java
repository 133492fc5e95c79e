package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.model.SampleSet;
import dev.lrrecsys.workbench.store.StoredSample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whose explanations the shuffled-explanations control read in each sample's place. {@link ExperimentJob} permutes
 * the codes of each split (the training part, the validation part carved from it, the test split) among that split's
 * own samples with {@link SampleSet#shuffledExplanations} and the run's seed. This rebuilds those splits from the
 * stored samples with the same {@link SampleSetLoader} rules and applies the same permutation, so the case workbench
 * can feed a shuffled run the explanations it was trained and tested with rather than the sample's own.
 */
public final class ShuffledExplanationSources {

    private ShuffledExplanationSources() {
    }

    /**
     * @param rows               every stored sample in consumer, position order (as experiments read them)
     * @param withPair           the samples that had both codes, i.e. that the experiment kept
     * @param trainFraction      the run's training fraction
     * @param validationFraction the experiment's validation fraction
     * @param seed               the run's seed (the experiment's seed plus the repeat)
     * @return sample id to the id of the sample whose explanation codes the run read for it; samples the run never
     * read (no pair, or training samples beyond its fraction) are absent
     */
    public static Map<Long, Long> of(List<StoredSample> rows, Set<Long> withPair, double trainFraction,
                                     double validationFraction, long seed) {
        List<StoredSample> train = new ArrayList<>();
        List<StoredSample> test = new ArrayList<>();
        for (StoredSample s : rows) {
            if (withPair.contains(s.id())) {
                (s.test() ? test : train).add(s);
            }
        }
        Map<Long, Long> sources = new HashMap<>();
        SampleSetLoader.Carved carved = SampleSetLoader.carveValidation(
                SampleSetLoader.firstFraction(idsOnly(train), trainFraction), validationFraction);
        for (SampleSet split : List.of(carved.train(), carved.validation(), idsOnly(test))) {
            long[] ids = split.sampleIds();
            int[] order = SampleSet.explanationPermutation(ids.length, seed);
            for (int i = 0; i < ids.length; i++) {
                sources.put(ids[i], ids[order[i]]);
            }
        }
        return sources;
    }

    /** How many test samples the run predicted, by the same rule (to check against its stored predictions). */
    public static long testSamples(List<StoredSample> rows, Set<Long> withPair) {
        return rows.stream().filter(s -> s.test() && withPair.contains(s.id())).count();
    }

    /** Ids and consumers only: all that splitting by consumer and time order reads. */
    private static SampleSet idsOnly(List<StoredSample> rows) {
        int n = rows.size();
        long[] ids = new long[n];
        int[] consumers = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = rows.get(i).id();
            consumers[i] = rows.get(i).consumerId();
        }
        return new SampleSet(ids, consumers, new int[n], new int[n * SampleSet.HISTORY], new float[0], new float[0], 0,
                new float[n], new double[n]);
    }
}
