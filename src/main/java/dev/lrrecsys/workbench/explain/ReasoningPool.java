package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.samples.SampleDerivationJob;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExplanationInputRepository;
import dev.lrrecsys.workbench.store.ReasoningPoolRepository;
import dev.lrrecsys.workbench.store.ReasoningPoolRepository.RetrievedRow;
import dev.lrrecsys.workbench.store.ReasoningPoolRepository.SampleTable;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Generation through a reasoning pool (RELAND): choose seed consumers ({@link SeedSelection}), generate the
 * explanations of their samples with the chosen generator ({@link ContrastiveExplanationJob} restricted to
 * them), then give every other consumer's sample the pair of the most similar generated sample
 * ({@link PoolRetriever}; by default the most similar with the same candidate product, {@link PoolMatch}), stored with source 'retrieved', the seed sample's id and the similarity. Resumable:
 * the seeds are the same on a rerun (seeded), generated rows are skipped, and reused rows whose seed sample is
 * still a complete generated pair are kept; cancellable in every phase.
 */
public final class ReasoningPool implements Job<ReasoningPool.Summary> {

    /** Samples per retrieval task (one task is a few ms to a few hundred ms of work). */
    private static final int CHUNK = 2_000;
    private static final int COMMIT_EVERY = 20_000;

    /**
     * What a pool run will do.
     *
     * @param seedSamples samples of the seed consumers
     * @param seedGeneration the restricted generation's own estimate
     */
    public record Estimate(SeedSelection.Result selection, long samples, long seedSamples,
                           GenerationEstimate seedGeneration) {

        /** Prompts the generator will be asked (an LLM: requests, before any corrective retry). */
        public long llmCalls() {
            return seedGeneration.toGenerate();
        }

        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "pool: %d seed consumers of %d (%d by K-means over %d clusters, %d by "
                            + "long history)%n", selection.seeds().size(), selection.consumers(), selection.fromClusters(),
                    selection.clusters(), selection.fromLongHistory()));
            b.append(String.format(Locale.ROOT, "seed samples: %d of %d (%.1f%%); the others reuse the nearest seed's pair%n",
                    seedSamples, samples, 100.0 * seedSamples / Math.max(1, samples)));
            b.append(seedGeneration.describe());
            b.append(String.format(Locale.ROOT, "llm calls: %d (%.3f per sample)%n", llmCalls(),
                    (double) llmCalls() / Math.max(1, samples)));
            return b.toString();
        }
    }

    /**
     * What a pool run did.
     *
     * @param generatorCalls prompts the generator answered in this run (not from the cache)
     * @param retrieved      rows reused in this run
     * @param kept           samples whose reused rows from an earlier run were still valid
     * @param matched        samples matched to a seed sample in this run
     * @param fellBack       of those, matched by product but given the nearest seed of any product (none had theirs)
     * @param otherCandidate of those, whose seed sample has another candidate product
     */
    public record Summary(GenerationSummary seedRun, long samples, long generatorCalls, long retrieved, long kept,
                          int indexedSeeds, SeedIndex.Mode mode, double meanSimilarity, double retrievalSeconds,
                          PoolMatch match, long matched, long fellBack, long otherCandidate) {

        public String describe() {
            return seedRun.describe() + String.format(Locale.ROOT, "%ngenerator calls: %d (%.3f per sample)%n"
                            + "retrieved: %d rows from %d seed samples (%s search), mean similarity %.3f, %.1f s%n"
                            + "%s%n"
                            + "kept from an earlier run: %d samples", generatorCalls,
                    (double) generatorCalls / Math.max(1, samples), retrieved, indexedSeeds,
                    searchName(), meanSimilarity, retrievalSeconds, matchLine(), kept);
        }

        private String searchName() {
            String global = mode == SeedIndex.Mode.EXACT ? "exact" : "HNSW";
            return match == PoolMatch.PRODUCT ? "exact among the candidate's seed samples, " + global + " for fall-backs" : global;
        }

        /** How the samples were matched, e.g. `pool match: product, 120 of 24150 samples fell back ...`. */
        public String matchLine() {
            String share = String.format(Locale.ROOT, "%d of %d samples reuse a seed sample about another candidate "
                    + "(%.1f%%)", otherCandidate, matched, 100.0 * otherCandidate / Math.max(1, matched));
            return match == PoolMatch.PRODUCT
                    ? String.format(Locale.ROOT, "pool match: product, %d of %d samples fell back to the nearest seed "
                    + "sample of any product (no seed sample has their candidate); %s", fellBack, matched, share)
                    : "pool match: any; " + share;
        }
    }

    private final Database db;
    private final ExplanationGenerator generator;
    private final GenerationRequest request;
    private final PoolSettings settings;
    private final int threads;
    private PoolRetriever.SampleTableAndSpace loaded;
    private SeedSelection.Result selection;
    private ContrastiveExplanationJob seedJob;
    private Estimate estimate;

    public ReasoningPool(Database db, ExplanationGenerator generator, GenerationRequest request, PoolSettings settings) {
        this.db = db;
        this.generator = generator;
        this.request = request;
        this.settings = settings;
        this.threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        if (request.limit() != 0) {
            throw new WorkbenchException("--limit cannot be combined with --pool: the pool chooses the samples to generate.");
        }
    }

    @Override
    public String title() {
        return "Generate " + request.variant().key() + " explanations through a reasoning pool (" + generator.generator() + ")";
    }

    /** Chooses the seeds and estimates their generation (an LLM generator is probed); writes no explanation. */
    public Estimate estimate(TaskContext context) throws Exception {
        if (estimate != null) {
            return estimate;
        }
        GenerationInputs.dataset(db);
        if (db.read(new ExplanationInputRepository()::sampleCount) == 0) {
            context.message("deriving samples");
            SampleDerivationJob.ensureSamples(db, context);
        }
        context.message("building behaviour vectors (training split)");
        loaded = PoolRetriever.loadSpace(db);
        SampleTable t = loaded.samples();
        if (t.size() == 0) {
            throw new WorkbenchException("The dataset yields no samples: no consumer has two or more interactions.");
        }
        int[] consumers = java.util.Arrays.stream(t.consumers()).distinct().sorted().toArray();
        selection = SeedSelection.choose(consumers, loaded.space(), settings, context);
        Set<Integer> seeds = selection.seeds();
        long seedSamples = java.util.Arrays.stream(t.consumers()).filter(seeds::contains).count();
        seedJob = new ContrastiveExplanationJob(db, generator, request).onlyConsumers(seeds::contains);
        GenerationEstimate g = seedJob.estimate(context);
        estimate = new Estimate(selection, t.size(), seedSamples, g);
        return estimate;
    }

    @Override
    public Summary run(TaskContext context) throws Exception {
        estimate(context);
        GenerationSummary seedRun = seedJob.run(context);
        long calls = seedRun.ok() + seedRun.rejected() + seedRun.failed();
        if (seedRun.allFailed()) {
            return new Summary(seedRun, estimate.samples(), calls, 0, 0, 0, SeedIndex.Mode.EXACT, Double.NaN, 0,
                    settings.match(), 0, 0, 0);
        }
        long t0 = System.nanoTime();
        context.progress(0, 0, "indexing the seed samples");
        try (PoolRetriever retriever = PoolRetriever.build(db, loaded.samples(), loaded.space(), request.variant(),
                generator.generator(), generator.model(), settings.match(), context)) {
            long[] result = retrieve(retriever, context);
            double mean = result[0] == 0 ? Double.NaN : Double.longBitsToDouble(result[2]);
            return new Summary(seedRun, estimate.samples(), calls, result[0], result[1], retriever.index().size(),
                    retriever.index().mode(), mean, (System.nanoTime() - t0) / 1e9, settings.match(),
                    retriever.retrievals(), retriever.fellBack(), retriever.otherCandidate());
        }
    }

    /** Fills the non-seed samples: {rows written, samples kept, bits of the mean similarity}. */
    private long[] retrieve(PoolRetriever retriever, TaskContext context) throws Exception {
        SampleTable t = retriever.samples();
        Set<Integer> seeds = selection.seeds();
        List<Side> sides = request.variant().sides();
        List<Integer> todo = new ArrayList<>();
        long kept = 0;
        for (int i = 0; i < t.size(); i++) {
            if (seeds.contains(t.consumers()[i])) {
                continue;
            }
            boolean needs = false;
            boolean hasRetrieved = false;
            for (int k = 0; k < sides.size(); k++) {
                byte s = retriever.states[k][i];
                if (s == PoolRetriever.RETRIEVED) {
                    hasRetrieved = true;
                    if (!retriever.isSeedSample(retriever.retrievedFrom[i])) {
                        needs = true;
                    }
                    // A row reused under --pool-match any about another candidate is matched again by product when
                    // that product now has a seed sample (the other way round cannot be told without matching).
                    if (settings.match() == PoolMatch.PRODUCT && retriever.reusedAnotherCandidate(i, retriever.retrievedFrom[i])
                            && retriever.index().hasProduct(t.products()[i])) {
                        needs = true;
                    }
                } else if (s != PoolRetriever.GENERATED_OK) {
                    needs = true;
                }
            }
            if (needs) {
                todo.add(i);
            } else if (hasRetrieved) {
                kept++;
            }
        }
        long total = todo.size();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "lrw-pool-retrieval");
            th.setDaemon(true);
            return th;
        });
        ReasoningPoolRepository repo = new ReasoningPoolRepository();
        long written = 0;
        double simSum = 0;
        long done = 0;
        List<RetrievedRow> buffer = new ArrayList<>();
        Deque<Future<List<RetrievedRow>>> inFlight = new ArrayDeque<>();
        Deque<Integer> chunkSizes = new ArrayDeque<>();
        try {
            int next = 0;
            while (next < todo.size() || !inFlight.isEmpty()) {
                while (next < todo.size() && inFlight.size() < 2 * threads) {
                    List<Integer> chunk = todo.subList(next, Math.min(todo.size(), next + CHUNK));
                    next += chunk.size();
                    inFlight.add(workers.submit(() -> match(retriever, chunk)));
                    chunkSizes.add(chunk.size());
                }
                List<RetrievedRow> rows = await(inFlight.peekFirst(), context);
                inFlight.removeFirst();
                for (RetrievedRow r : rows) {
                    simSum += r.similarity();
                }
                written += rows.size();
                done += chunkSizes.removeFirst();
                buffer.addAll(rows);
                if (buffer.size() >= COMMIT_EVERY) {
                    commit(repo, buffer);
                }
                context.progress(Math.min(done, total), total, "reusing seed pairs");
            }
            commit(repo, buffer);
        } finally {
            workers.shutdownNow();
            // Whatever was matched is kept when the run is cancelled: each committed row is a whole reused side.
            if (!buffer.isEmpty()) {
                commit(repo, buffer);
            }
        }
        return new long[] {written, kept, Double.doubleToLongBits(written == 0 ? 0 : simSum / written)};
    }

    private List<RetrievedRow> match(PoolRetriever retriever, List<Integer> chunk) {
        SampleTable t = retriever.samples();
        List<Side> sides = request.variant().sides();
        List<RetrievedRow> out = new ArrayList<>(chunk.size() * sides.size());
        for (int i : chunk) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            SeedIndex.Match m = retriever.nearest(t.consumers()[i], t.products()[i], t.historyOf(i));
            PoolRetriever.SeedPair pair = retriever.pairOfSeed(m.seed());
            for (int k = 0; k < sides.size(); k++) {
                byte s = retriever.states[k][i];
                if (s == PoolRetriever.GENERATED_OK) {
                    continue;
                }
                String previous = switch (s) {
                    case PoolRetriever.NONE -> null;
                    case PoolRetriever.FAILED -> "failed";
                    case PoolRetriever.REJECTED -> "rejected";
                    default -> "ok";
                };
                out.add(new RetrievedRow(t.ids()[i], request.variant().key(), sides.get(k).key(), generator.generator(),
                        generator.model(), pair.templateVersions()[k], pair.promptHashes()[k], pair.texts()[k],
                        m.seedSampleId(), m.similarity(), previous));
            }
        }
        return out;
    }

    private static List<RetrievedRow> await(Future<List<RetrievedRow>> f, TaskContext context) throws Exception {
        while (true) {
            context.checkCancelled();
            try {
                return f.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll for cancellation again
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) e.getCause();
            }
        }
    }

    private void commit(ReasoningPoolRepository repo, List<RetrievedRow> buffer) {
        if (buffer.isEmpty()) {
            return;
        }
        List<RetrievedRow> rows = List.copyOf(buffer);
        buffer.clear();
        db.inTransaction(tx -> {
            repo.saveRetrieved(tx, rows);
        });
    }
}
