package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ReasoningPoolRepository;
import dev.lrrecsys.workbench.store.ReasoningPoolRepository.SampleTable;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reasoning pool's read side: every sample whose explanation pair (all sides of the variant) was
 * generated, indexed by its (consumer behaviour, candidate, history) vector, and the nearest of them for any
 * triple, matched as {@link PoolMatch} says. The pool job uses it to fill the other samples; other callers (e.g. ranking against products a
 * consumer never saw) use {@link #explain(int, int, int[])} for (consumer, candidate, history) triples that are
 * no stored sample.
 */
public final class PoolRetriever implements AutoCloseable {

    /** Row states per side and sample, as read from the store. */
    static final byte NONE = 0;
    static final byte GENERATED_OK = 1;
    static final byte FAILED = 2;
    static final byte REJECTED = 3;
    static final byte RETRIEVED = 4;

    /** A pair reused from a seed sample: its id, the cosine similarity, and the texts by side. */
    public record ReusedPair(long seedSampleId, double similarity, Map<Side, String> texts) {
    }

    private final Variant variant;
    private final SampleTable samples;
    private final BehaviourSpace space;
    final byte[][] states;
    final long[] retrievedFrom;
    final Map<Integer, SeedPair> pairs;
    private final int[] seedSamples;
    private final SeedIndex index;
    private final PoolMatch match;
    private final AtomicLong retrievals = new AtomicLong();
    private final AtomicLong fellBack = new AtomicLong();
    private final AtomicLong otherCandidate = new AtomicLong();

    /** The texts, template versions and prompt hashes of one generated pair (by side, in the variant's order). */
    record SeedPair(String[] texts, Integer[] templateVersions, String[] promptHashes) {
    }

    private PoolRetriever(Variant variant, SampleTable samples, BehaviourSpace space, byte[][] states, long[] retrievedFrom,
                          Map<Integer, SeedPair> pairs, int[] seedSamples, SeedIndex index, PoolMatch match) {
        this.match = match;
        this.variant = variant;
        this.samples = samples;
        this.space = space;
        this.states = states;
        this.retrievedFrom = retrievedFrom;
        this.pairs = pairs;
        this.seedSamples = seedSamples;
        this.index = index;
    }

    /** Loads the samples and builds the behaviour space (training split only) of a project. */
    static SampleTableAndSpace loadSpace(Database db) {
        ReasoningPoolRepository repo = new ReasoningPoolRepository();
        return db.read(tx -> {
            SampleTable t = repo.samples(tx);
            return new SampleTableAndSpace(t, BehaviourSpace.build(t, repo.productAttributeValues(tx),
                    repo.consumerAttributeValues(tx)));
        });
    }

    record SampleTableAndSpace(SampleTable samples, BehaviourSpace space) {
    }

    /**
     * Indexes the stored generated pairs of one source (variant, generator, model).
     *
     * @throws WorkbenchException when no sample has a complete generated pair
     */
    public static PoolRetriever load(Database db, Variant variant, String generator, String model, PoolMatch match,
                                     TaskContext context) {
        SampleTableAndSpace s = loadSpace(db);
        return build(db, s.samples(), s.space(), variant, generator, model, match, context);
    }

    static PoolRetriever build(Database db, SampleTable samples, BehaviourSpace space, Variant variant, String generator,
                               String model, PoolMatch match, TaskContext context) {
        List<Side> sides = variant.sides();
        Map<String, Integer> sideIndex = new HashMap<>();
        for (int k = 0; k < sides.size(); k++) {
            sideIndex.put(sides.get(k).key(), k);
        }
        byte[][] states = new byte[sides.size()][samples.size()];
        long[] retrievedFrom = new long[samples.size()];
        Map<Integer, SeedPair> pairs = new HashMap<>();
        context.message("reading stored explanations");
        db.read(tx -> {
            new ReasoningPoolRepository().forEachRow(tx, variant.key(), generator, model, row -> {
                Integer k = sideIndex.get(row.side());
                int i = samples.indexOf(row.sampleId());
                if (k == null || i < 0) {
                    return;
                }
                if ("retrieved".equals(row.source())) {
                    states[k][i] = RETRIEVED;
                    retrievedFrom[i] = row.seedSampleId() == null ? -1 : row.seedSampleId();
                } else if (row.generatedOk()) {
                    states[k][i] = GENERATED_OK;
                    SeedPair p = pairs.computeIfAbsent(i, x -> new SeedPair(new String[sides.size()],
                            new Integer[sides.size()], new String[sides.size()]));
                    p.texts()[k] = row.text();
                    p.templateVersions()[k] = row.templateVersion();
                    p.promptHashes()[k] = row.promptHash();
                } else {
                    states[k][i] = "failed".equals(row.status()) ? FAILED : REJECTED;
                }
            });
            return null;
        });
        context.checkCancelled();
        List<Integer> complete = new ArrayList<>();
        for (Map.Entry<Integer, SeedPair> e : pairs.entrySet()) {
            boolean all = true;
            for (String t : e.getValue().texts()) {
                all &= t != null;
            }
            if (all) {
                complete.add(e.getKey());
            }
        }
        if (complete.isEmpty()) {
            throw new WorkbenchException("No sample has a complete generated " + variant.key() + " pair from " + generator
                    + " (" + model + "): there is nothing to reuse. Generate the seeds first (rerun the same command).");
        }
        complete.sort(null);
        int[] seedSamples = complete.stream().mapToInt(Integer::intValue).toArray();
        long[] ids = new long[seedSamples.length];
        int[] products = new int[seedSamples.length];
        float[][] vectors = new float[seedSamples.length][];
        for (int j = 0; j < seedSamples.length; j++) {
            int i = seedSamples[j];
            ids[j] = samples.ids()[i];
            products[j] = samples.products()[i];
            vectors[j] = space.sampleVector(samples.consumers()[i], samples.products()[i], samples.historyOf(i));
        }
        SeedIndex.Mode mode = SeedIndex.modeFor(ids.length);
        context.message("indexing " + ids.length + " seed samples (" + (mode == SeedIndex.Mode.EXACT ? "exact scan"
                : "HNSW graph") + ")");
        SeedIndex index = SeedIndex.build(ids, products, vectors, mode, context::isCancelled);
        return new PoolRetriever(variant, samples, space, states, retrievedFrom, pairs, seedSamples, index, match);
    }

    public BehaviourSpace space() {
        return space;
    }

    public SeedIndex index() {
        return index;
    }

    SampleTable samples() {
        return samples;
    }

    /** The stored pair of the i-th indexed seed. */
    SeedPair pairOfSeed(int seed) {
        return pairs.get(seedSamples[seed]);
    }

    /** Whether a sample id is an indexed seed sample (its pair is complete and generated). */
    boolean isSeedSample(long sampleId) {
        int i = samples.indexOf(sampleId);
        return i >= 0 && java.util.Arrays.binarySearch(seedSamples, i) >= 0;
    }

    public PoolMatch match() {
        return match;
    }

    /**
     * The seed sample whose pair a (consumer, candidate, history) triple reuses: with {@link PoolMatch#PRODUCT} the
     * nearest seed sample with the same candidate (the nearest of any product when there is none: counted in
     * {@link #fellBack()}), with {@link PoolMatch#ANY} the nearest of all (thread-safe).
     */
    public SeedIndex.Match nearest(int consumerId, int candidateId, int[] history) {
        float[] vector = space.sampleVector(consumerId, candidateId, history);
        SeedIndex.Match m = match == PoolMatch.PRODUCT ? index.nearestOfProduct(vector, candidateId) : null;
        if (m == null) {
            if (match == PoolMatch.PRODUCT) {
                fellBack.incrementAndGet();
            }
            m = index.nearest(vector);
        }
        retrievals.incrementAndGet();
        if (samples.products()[seedSamples[m.seed()]] != candidateId) {
            otherCandidate.incrementAndGet();
        }
        return m;
    }

    /** Triples matched so far by {@link #nearest(int, int, int[])}. */
    public long retrievals() {
        return retrievals.get();
    }

    /** Of {@link #retrievals()}, those matched by product that fell back to a seed of any product (none had theirs). */
    public long fellBack() {
        return fellBack.get();
    }

    /** Of {@link #retrievals()}, those whose seed sample has another candidate product (its pair talks about that one). */
    public long otherCandidate() {
        return otherCandidate.get();
    }

    /** Whether a sample id's candidate is not the one of the seed sample it reused; false for an unknown id. */
    boolean reusedAnotherCandidate(int sample, long seedSampleId) {
        int s = samples.indexOf(seedSampleId);
        return s >= 0 && samples.products()[s] != samples.products()[sample];
    }

    /** The pair of the seed sample most similar to any (consumer, candidate, history) triple. */
    public Optional<ReusedPair> explain(int consumerId, int candidateId, int[] history) {
        SeedIndex.Match m = nearest(consumerId, candidateId, history);
        SeedPair p = pairOfSeed(m.seed());
        Map<Side, String> texts = new LinkedHashMap<>();
        for (int k = 0; k < variant.sides().size(); k++) {
            texts.put(variant.sides().get(k), p.texts()[k]);
        }
        return Optional.of(new ReusedPair(m.seedSampleId(), m.similarity(), texts));
    }

    @Override
    public void close() {
        index.close();
    }
}
