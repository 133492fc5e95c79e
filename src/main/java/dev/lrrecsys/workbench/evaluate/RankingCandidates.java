package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.explain.CandidateExplanationSource;
import dev.lrrecsys.workbench.explain.CandidateExplanationSource.Pair;
import dev.lrrecsys.workbench.explain.CandidateExplanationSource.Triple;
import dev.lrrecsys.workbench.model.ExplanationAutoencoder;
import dev.lrrecsys.workbench.model.ExplanationFeatures;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.model.SampleSet;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.RankingCandidateRepository;
import dev.lrrecsys.workbench.store.RankingCandidateRepository.Candidate;
import dev.lrrecsys.workbench.store.RankingCandidateRepository.SetKey;
import dev.lrrecsys.workbench.store.RankingCandidateRepository.SetRecord;
import dev.lrrecsys.workbench.store.StoredSample;
import dev.lrrecsys.workbench.task.TaskContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The ranking task's candidates: for every high-rated test sample, {@value #NEGATIVES} products its consumer never
 * interacted with (sampled uniformly without replacement from the products the models know, seeded by the
 * experiment's seed and the sample's id, so a resumed build draws the same ones), shown after the same history,
 * each with an explanation pair from a {@link CandidateExplanationSource} encoded by the project's autoencoder.
 * Candidate sets are stored (one per generator, autoencoder, seed and source) and reused by reruns and resumes.
 * Consumers with fewer than {@value #NEGATIVES} never-interacted products are skipped and counted.
 */
public final class RankingCandidates {

    /** Products each high-rated test sample is ranked against (RELAND's and most papers' 99). */
    public static final int NEGATIVES = 99;
    /** Ranked samples whose candidates are written in one transaction. */
    static final int BATCH = 20;

    /** Opens the explanation source of the candidates (only when some chosen model reads explanations). */
    @FunctionalInterface
    public interface Sources {
        /**
         * @param rows    the project's stored samples
         * @param hasPair whether a stored sample has the explanation pair the models read
         */
        CandidateExplanationSource open(List<StoredSample> rows, LongPredicate hasPair);
    }

    /** What was ranked, what was skipped, and where the candidates' explanations came from; printed by both front ends. */
    public record Summary(int rankedSamples, double highThreshold, long seed, int skippedConsumers, int skippedSamples,
                          int missingPairs, long setId, boolean storedBefore, String source, String writtenBy,
                          long candidates, long written, long llmCalls, long callsToWrite, long retrieved,
                          double meanSimilarity) {

        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "ranking: %d high-rated test samples (rating >= %s), each ranked against "
                    + "%d products its consumer never interacted with (seed %d)", rankedSamples, number(highThreshold),
                    NEGATIVES, seed));
            if (skippedConsumers > 0) {
                out.add(skippedMessage(skippedConsumers, skippedSamples));
            }
            if (missingPairs > 0) {
                out.add(String.format(Locale.ROOT, "ranking: %d high-rated test samples left out: a candidate has no "
                        + "explanation pair", missingPairs));
            }
            out.add(explanationsLine());
            return out;
        }

        private String explanationsLine() {
            if (source.equals(NO_EXPLANATIONS)) {
                return "candidate explanations: none (no chosen model reads explanations)";
            }
            String stored = storedBefore ? String.format(Locale.ROOT, " (stored candidate set %d, nothing new)", setId)
                    : String.format(Locale.ROOT, " (candidate set %d)", setId);
            if (source.equals(POOL)) {
                return String.format(Locale.ROOT, "candidate explanations: %d retrieved from the reasoning pool (the "
                        + "nearest seed sample by cosine similarity over consumer, candidate and history, mean similarity "
                        + "%.3f; pairs written by %s), 0 LLM calls%s; writing them with the generator would cost %d calls",
                        retrieved, meanSimilarity, writtenBy, stored, callsToWrite);
            }
            if (source.equals("nearest")) {
                return String.format(Locale.ROOT, "candidate explanations: %d reused from the nearest stored sample "
                        + "(pairs written by %s), 0 LLM calls%s; writing them with the generator would cost %d calls",
                        candidates, writtenBy, stored, callsToWrite);
            }
            return String.format(Locale.ROOT, "candidate explanations: %d generated by %s, %d LLM calls%s",
                    storedBefore ? candidates : written, writtenBy, llmCalls, stored);
        }
    }

    /** The ranked samples as one set: group g is rows g*groupSize.. (the test sample first, then its candidates). */
    public record Prepared(SampleSet set, int groupSize, Summary summary) {
    }

    static final String NO_EXPLANATIONS = "none";
    static final String POOL = "pool";
    /** Stored codes are the autoencoder's: 8 per side (zeros where no model reads explanations). */
    private static final int CODE_DIM = dev.lrrecsys.workbench.store.ExplanationCodeRepository.CODE_DIM;

    private final Database database;
    private final Path projectDir;
    private final Sources sources;
    private final boolean allowLlmCalls;
    private final RankingCandidateRepository repository = new RankingCandidateRepository();

    /**
     * @param projectDir    the folder the autoencoder checkpoint's stored path is relative to
     * @param allowLlmCalls whether writing candidate explanations may cost more LLM calls than the project has samples
     */
    public RankingCandidates(Database database, Path projectDir, Sources sources, boolean allowLlmCalls) {
        this.database = database;
        this.projectDir = projectDir;
        this.sources = sources;
        this.allowLlmCalls = allowLlmCalls;
    }

    /**
     * Refuses models whose explanation features exist for stored samples only (sentence embeddings), before anything
     * runs; {@code candidates} null means the front end offers no ranking.
     */
    static void checkModels(List<ModelCatalog.Entry> entries, RankingCandidates candidates) {
        if (candidates == null) {
            throw new IllegalStateException("task ranking needs ranking candidates");
        }
        for (ModelCatalog.Entry e : entries) {
            if (e.features() == ModelCatalog.Features.SENTENCE_EMBEDDINGS) {
                throw new WorkbenchException(e.id() + " cannot rank: its sentence embeddings exist for stored samples "
                        + "only, not for the sampled candidates; leave it out of --models for --task ranking.");
            }
        }
    }

    public static String noHighSamplesMessage(double threshold) {
        return "No high-rated test samples to rank: --task ranking ranks each test sample rated " + number(threshold)
                + " or more against " + NEGATIVES + " products its consumer never interacted with, and this project's "
                + "test split has none.";
    }

    public static String allSkippedMessage(int consumers) {
        return "No test sample can be ranked: each of the " + consumers + " consumers with a high-rated test sample has "
                + "fewer than " + NEGATIVES + " products they never interacted with; --task ranking needs at least "
                + NEGATIVES + " products beyond each consumer's own.";
    }

    static String skippedMessage(int consumers, int samples) {
        return String.format(Locale.ROOT, "ranking: %d consumers skipped (%d high-rated test samples): fewer than %d "
                + "products they never interacted with", consumers, samples, NEGATIVES);
    }

    public static String llmCostMessage(long candidates, String writtenBy, long calls, long samples) {
        return String.format(Locale.ROOT, "Writing explanations for %d ranking candidates with %s would cost %d LLM "
                + "calls, more than the project's %d samples: add --allow-llm-calls to spend them, or use "
                + "--candidate-explanations nearest to reuse stored pairs without calls.", candidates, writtenBy, calls,
                samples);
    }

    /**
     * Builds (or reads back) the candidates of every high-rated test sample of {@code test} and returns them as one
     * set scaled like the test split. Refuses before writing anything when there is nothing to rank.
     *
     * @param features the explanation features the models read (the autoencoder's codes), or null when none does
     */
    public Prepared prepare(List<StoredSample> rows, DatasetInfo dataset, SampleSet test, ExplanationFeatures features,
                            String generator, String generatorModel, long seed, TaskContext context) throws IOException {
        Set<Long> testIds = new HashSet<>();
        for (long id : test.sampleIds()) {
            testIds.add(id);
        }
        List<StoredSample> high = rows.stream()
                .filter(s -> s.test() && dataset.isHigh(s.rating()) && testIds.contains(s.id())).toList();
        if (high.isEmpty()) {
            throw new WorkbenchException(noHighSamplesMessage(dataset.highThreshold()));
        }
        int[] universe = SampleSetLoader.indices(rows).products().keySet().stream().mapToInt(Integer::intValue)
                .sorted().toArray();
        Map<Integer, Set<Integer>> interacted = database.read(tx -> repository.interactedProducts(tx));
        Map<Integer, int[]> available = new HashMap<>();
        Set<Integer> skippedConsumers = new LinkedHashSet<>();
        List<StoredSample> ranked = new ArrayList<>();
        int skippedSamples = 0;
        for (StoredSample s : high) {
            int[] free = available.computeIfAbsent(s.consumerId(), c -> {
                Set<Integer> own = interacted.getOrDefault(c, Set.of());
                return Arrays.stream(universe).filter(p -> !own.contains(p)).toArray();
            });
            if (free.length < NEGATIVES) {
                skippedConsumers.add(s.consumerId());
                skippedSamples++;
            } else {
                ranked.add(s);
            }
        }
        if (ranked.isEmpty()) {
            throw new WorkbenchException(allSkippedMessage(skippedConsumers.size()));
        }
        if (features != null && !(features instanceof AutoencoderCodes)) {
            throw new WorkbenchException("--task ranking needs the explanation autoencoder's codes: candidates' "
                    + "explanations are encoded by it.");
        }
        long autoencoderId = features == null ? 0 : ((AutoencoderCodes) features).autoencoder().id();
        float[] scratch = new float[2 * (features == null ? 0 : features.dim())];
        LongPredicate hasPair = id -> features != null && features.fill(id, scratch, 0, scratch, scratch.length / 2);

        try (CandidateExplanationSource source = features == null ? null : sources.open(rows, hasPair)) {
            String sourceName = source == null ? NO_EXPLANATIONS : source.source();
            String writtenBy = source == null ? "nobody" : source.writtenBy();
            SetKey key = new SetKey(generator, generatorModel, autoencoderId, seed, NEGATIVES, sourceName);
            SetRecord existing = database.read(tx -> repository.find(tx, key)).orElse(null);
            boolean storedBefore = existing != null && RankingCandidateRepository.DONE.equals(existing.status());
            long written = 0;
            long llmCalls = 0;
            int missingPairs = 0;
            long setId;
            if (storedBefore) {
                setId = existing.id();
            } else {
                Set<Long> done = existing == null ? Set.of() : database.read(tx -> repository.samplesWritten(tx, existing.id()));
                List<StoredSample> missing = ranked.stream().filter(s -> !done.contains(s.id())).toList();
                long candidates = (long) missing.size() * NEGATIVES;
                if (source != null && source.callsLlm()) {
                    long samples = database.read(tx -> repository.sampleCount(tx));
                    if (2 * candidates > samples && !allowLlmCalls) {
                        throw new WorkbenchException(llmCostMessage(candidates, writtenBy, 2 * candidates, samples));
                    }
                }
                int consumersSkipped = skippedConsumers.size();
                int samplesSkipped = skippedSamples;
                setId = existing != null ? existing.id() : database.inTransaction((Database.Work<Long>) tx ->
                        repository.create(tx, key, writtenBy, ranked.size(), consumersSkipped, samplesSkipped));
                Build build = build(setId, missing, available, source, features, seed, context);
                written = build.written;
                llmCalls = build.llmCalls;
                database.inTransaction(tx -> {
                    repository.finish(tx, setId);
                });
            }
            Map<Long, List<Candidate>> stored = database.read(tx -> repository.candidates(tx, setId));
            List<StoredSample> others = new ArrayList<>();
            Map<Long, float[][]> vectors = new HashMap<>();
            int dim = features == null ? 0 : features.dim();
            long nextId = -1;
            long candidateCount = 0;
            long retrieved = 0;
            double similaritySum = 0;
            for (StoredSample s : ranked) {
                List<Candidate> list = stored.get(s.id());
                if (list == null || list.size() != NEGATIVES) {
                    missingPairs++;
                    continue;
                }
                others.add(s);
                if (features != null) {
                    float[] pos = new float[dim];
                    float[] neg = new float[dim];
                    features.fill(s.id(), pos, 0, neg, 0);
                    vectors.put(s.id(), new float[][] {pos, neg});
                }
                for (Candidate c : list) {
                    long id = nextId--;
                    others.add(new StoredSample(id, s.consumerId(), c.productId(), Double.NaN, s.position(),
                            s.history(), true));
                    if (features != null) {
                        vectors.put(id, new float[][] {Arrays.copyOfRange(c.codes(), 0, dim),
                                Arrays.copyOfRange(c.codes(), dim, 2 * dim)});
                    }
                    candidateCount++;
                    if (c.similarity() != null) {
                        retrieved++;
                        similaritySum += c.similarity();
                    }
                }
            }
            if (others.isEmpty()) {
                throw new WorkbenchException("No test sample can be ranked: none of the " + ranked.size()
                        + " high-rated test samples got an explanation pair for each of its candidates.");
            }
            SampleSet set = SampleSetLoader.scaledLikeTest(rows, dataset, PredictionTask.REGRESSION, features, others,
                    vectors);
            Summary summary = new Summary(others.size() / (NEGATIVES + 1), dataset.highThreshold(), seed,
                    skippedConsumers.size(), skippedSamples, missingPairs, setId, storedBefore, sourceName, writtenBy,
                    candidateCount, written, llmCalls, 2 * candidateCount, retrieved,
                    retrieved == 0 ? Double.NaN : similaritySum / retrieved);
            return new Prepared(set, NEGATIVES + 1, summary);
        }
    }

    private record Build(long written, long llmCalls) {
    }

    /** Writes the candidates of {@code missing}, {@value #BATCH} samples a transaction; cancellable between samples. */
    private Build build(long setId, List<StoredSample> missing, Map<Integer, int[]> available,
                        CandidateExplanationSource source, ExplanationFeatures features, long seed, TaskContext context)
            throws IOException {
        ExplanationAutoencoder encoder = null;
        long written = 0;
        long llmCalls = 0;
        int dim = features == null ? 0 : features.dim();
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<StoredSample> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<Candidate> rowsToWrite = new ArrayList<>();
            for (StoredSample s : batch) {
                context.checkCancelled();
                int[] products = sample(available.get(s.consumerId()), NEGATIVES, seed, s.id());
                float[][] codes = new float[NEGATIVES][2 * dim];
                Long[] fromSample = new Long[NEGATIVES];
                Double[] similarity = new Double[NEGATIVES];
                boolean complete = true;
                if (source != null) {
                    int[] history = Arrays.stream(s.history()).filter(h -> h >= 0).toArray();
                    List<Triple> triples = new ArrayList<>(NEGATIVES);
                    for (int p : products) {
                        triples.add(new Triple(s.consumerId(), p, history));
                    }
                    List<Pair> pairs = source.explain(triples);
                    List<String> sentences = new ArrayList<>();
                    for (int i = 0; i < NEGATIVES && complete; i++) {
                        Pair pair = pairs.get(i);
                        if (pair == null) {
                            complete = false;
                        } else if (pair.isWritten()) {
                            sentences.add(pair.positive());
                            sentences.add(pair.negative());
                        } else {
                            float[] pos = new float[dim];
                            float[] neg = new float[dim];
                            complete = features.fill(pair.fromSampleId(), pos, 0, neg, 0);
                            System.arraycopy(pos, 0, codes[i], 0, dim);
                            System.arraycopy(neg, 0, codes[i], dim, dim);
                            fromSample[i] = pair.fromSampleId();
                            similarity[i] = pair.similarity();
                        }
                    }
                    if (source.callsLlm()) {
                        llmCalls += 2L * NEGATIVES;
                    }
                    if (complete && !sentences.isEmpty()) {
                        if (encoder == null) {
                            encoder = encoder(features);
                        }
                        float[] encoded = encoder.encode(sentences);
                        int at = 0;
                        for (int i = 0; i < NEGATIVES; i++) {
                            if (pairs.get(i).isWritten()) {
                                System.arraycopy(encoded, at * dim, codes[i], 0, dim);
                                System.arraycopy(encoded, (at + 1) * dim, codes[i], dim, dim);
                                at += 2;
                                written++;
                            }
                        }
                    }
                }
                if (complete) {
                    for (int i = 0; i < NEGATIVES; i++) {
                        float[] stored = dim == 0 ? new float[2 * CODE_DIM] : padded(codes[i]);
                        rowsToWrite.add(new Candidate(s.id(), i + 1, products[i], fromSample[i], similarity[i],
                                stored));
                    }
                }
            }
            database.inTransaction(tx -> {
                repository.write(tx, setId, rowsToWrite);
            });
            int done = Math.min(missing.size(), from + BATCH);
            context.progress(done, missing.size(), String.format(Locale.ROOT, "ranking candidates: %d/%d test samples",
                    done, missing.size()));
        }
        return new Build(written, llmCalls);
    }

    private static float[] padded(float[] codes) {
        return codes.length == 2 * CODE_DIM ? codes
                : Arrays.copyOf(codes, 2 * CODE_DIM);
    }

    private ExplanationAutoencoder encoder(ExplanationFeatures features) throws IOException {
        String checkpoint = ((AutoencoderCodes) features).autoencoder().checkpoint();
        return ExplanationAutoencoder.load(projectDir.resolve(checkpoint));
    }

    /**
     * {@code count} of {@code products} drawn uniformly without replacement (a partial Fisher-Yates shuffle of a
     * copy), from a generator seeded by the experiment's seed and the sample's id alone: the same sample gets the
     * same candidates in every build, whatever was built before it.
     */
    static int[] sample(int[] products, int count, long seed, long sampleId) {
        int[] pool = products.clone();
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + sampleId);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return Arrays.copyOf(pool, count);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
