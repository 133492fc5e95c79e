package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.samples.SampleDerivationJob;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExplanationInputRepository;
import dev.lrrecsys.workbench.store.ExplanationInputRepository.SampleRef;
import dev.lrrecsys.workbench.store.ExplanationRepository;
import dev.lrrecsys.workbench.store.ExplanationRepository.ExplanationRow;
import dev.lrrecsys.workbench.store.GenerationRunRepository;
import dev.lrrecsys.workbench.store.PromptCacheRepository;
import dev.lrrecsys.workbench.store.PromptCacheRepository.CachedAnswer;
import dev.lrrecsys.workbench.task.CancelledException;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes the explanations of every sample (both sides of the contrastive pair by default) with one
 * generator, resumably: rows already stored are skipped, prompts answered before come from the cache,
 * results are committed every {@link GenerationRequest#commitEvery()} answers, and an LLM generator keeps
 * {@code concurrency} requests in flight. Before anything is written the generator must be reachable.
 */
public final class ContrastiveExplanationJob implements Job<GenerationSummary> {

    private static final int PAGE = 500;
    private static final int PROBE_PROMPTS = 2;

    private final Database db;
    private final ExplanationGenerator generator;
    private final GenerationRequest request;
    private final ExplanationInputRepository inputs = new ExplanationInputRepository();
    private final ExplanationRepository explanations = new ExplanationRepository();
    private final PromptCacheRepository cache = new PromptCacheRepository();

    private GenerationInputs world;
    private PromptBook book;
    private SentenceValidator validator;
    private GenerationEstimate estimate;
    /** Only the samples of these consumers (a reasoning pool's seeds), or null for every sample. */
    private java.util.function.IntPredicate scope;
    /** The concise variant's list of key factors for the prompts, else null. */
    private String keyFactors;
    /** Answers of the probe, by prompt hash: reused by the run, so the probe costs nothing. */
    private final Map<String, Answer> probed = new HashMap<>();

    public ContrastiveExplanationJob(Database db, ExplanationGenerator generator, GenerationRequest request) {
        this.db = db;
        this.generator = generator;
        this.request = request;
    }

    /** Restricts the run (and its estimate) to the samples of the consumers the predicate accepts. */
    public ContrastiveExplanationJob onlyConsumers(java.util.function.IntPredicate consumers) {
        this.scope = consumers;
        this.estimate = null;
        return this;
    }

    @Override
    public String title() {
        return "Generate " + request.variant().key() + " explanations (" + generator.generator() + ")";
    }

    /**
     * Checks the generator, derives samples if there are none, and counts what the run will do; for LLM
     * generators it times a short probe of {@value #PROBE_PROMPTS} prompts. Writes no explanation.
     */
    public GenerationEstimate estimate(TaskContext context) throws Exception {
        return estimate(context, true);
    }

    /** @param keepProbe put the probe's answers into the prompt cache (an estimate on its own; a run uses them itself) */
    private GenerationEstimate estimate(TaskContext context, boolean keepProbe) throws Exception {
        if (estimate != null) {
            return estimate;
        }
        GenerationInputs.dataset(db);
        if (request.variant() == Variant.DIRECT_RATING && !generator.usesPrompts()) {
            throw new WorkbenchException("The offline reasoner does not predict ratings: use --generator ollama for --variant direct-rating.");
        }
        context.message("checking " + generator.generator());
        generator.checkReady();
        if (db.read(inputs::sampleCount) == 0) {
            context.message("deriving samples");
            SampleDerivationJob.ensureSamples(db, context);
            if (db.read(inputs::sampleCount) == 0) {
                throw new WorkbenchException("The dataset yields no samples: no consumer has two or more interactions.");
            }
        }
        world = GenerationInputs.load(db);
        generator.prepare(world.products());
        keyFactors = request.variant() == Variant.CONCISE ? ConciseInputs.prepare(db, world.domain(), generator) : null;
        book = generator.usesPrompts() ? PromptBook.loadReadOnly(db, world.domain()) : null;
        if (book != null && keyFactors != null) {
            book = book.withKeyFactors(keyFactors);
        }
        validator = new SentenceValidator(world.domain(), world.dataset().ratingMin(), world.dataset().ratingMax());
        ProfileAugmentation profiles = request.profiles() ? new ProfileAugmentation(db, generator, world) : null;
        if (profiles != null) {
            world.useProfiles(profiles.acceptedProfiles());
        }
        long maxId = maxSampleId();
        long samples;
        long stored;
        if (scope == null) {
            samples = countSamples();
            stored = db.read(tx -> explanations.countSettled(tx, request.variant().key(), generator.generator(),
                    generator.model(), maxId, request.retryRejected()));
        } else {
            long[] counts = countInScope(context, maxId);
            samples = counts[0];
            stored = counts[1];
        }
        long prompts = samples * request.variant().sides().size();
        long inCache = 0;
        List<Pending> probe = new ArrayList<>();
        if (generator.usesPrompts()) {
            long after = Long.MIN_VALUE;
            while (true) {
                context.checkCancelled();
                Batch page = nextPage(after, maxId);
                if (page == null) {
                    break;
                }
                after = page.lastId;
                inCache += page.cached.size();
                for (Pending p : page.toSend) {
                    if (probe.size() < PROBE_PROMPTS) {
                        probe.add(p);
                    }
                }
            }
        }
        long toGenerate = prompts - stored - inCache;
        double perPrompt = Double.NaN;
        if (!probe.isEmpty()) {
            context.message("probing " + generator.model() + " with " + probe.size() + " prompt(s)");
            long t0 = System.nanoTime();
            List<CachedAnswer> answered = new ArrayList<>();
            for (Pending p : probe) {
                Answer a = generator.answer(p.prompt, p.context, validator);
                probed.put(p.prompt.hash(), a);
                if (a.status() != Answer.Status.FAILED) {
                    answered.add(new CachedAnswer(p.prompt.hash(), p.prompt.templateVersion(), a.status().key(), a.text(),
                            a.reason()));
                }
            }
            perPrompt = (System.nanoTime() - t0) / 1e9 / probe.size();
            if (keepProbe) {
                // The probe's answers cost real LLM time: into the prompt cache with them, so that a run started
                // later (the CLI's and the window's, or one after Ctrl-C) takes them from there instead of asking again.
                db.inTransaction(tx -> {
                    cache.put(tx, generator.generator(), generator.model(), answered);
                });
            }
        }
        double expected = Double.isNaN(perPrompt) ? Double.NaN : toGenerate * perPrompt / generator.concurrency();
        long profilePrompts = profiles == null ? 0 : profiles.missing();
        estimate = new GenerationEstimate(samples, prompts, stored, inCache, toGenerate, profilePrompts, perPrompt, expected);
        return estimate;
    }

    @Override
    public GenerationSummary run(TaskContext context) throws Exception {
        estimate(context, false);
        long t0 = System.nanoTime();
        if (book != null) {
            // The stored versions are what explanations point at: store the defaults on first use.
            book = PromptBook.loadStoringDefaults(db, world.domain());
            if (keyFactors != null) {
                book = book.withKeyFactors(keyFactors);
            }
        }
        GenerationRunRepository runs = new GenerationRunRepository();
        long runId = db.inTransaction((Database.Work<Long>) tx -> runs.start(tx, generator.generator(), generator.model(), request.variant().key()));
        Counts counts = new Counts();
        String outcome = "failed";
        ExecutorService pool = generator.usesPrompts()
                ? Executors.newFixedThreadPool(generator.concurrency(), r -> {
                    Thread t = new Thread(r, "lrw-generate");
                    t.setDaemon(true);
                    return t;
                })
                : null;
        try {
            if (request.profiles()) {
                ProfileAugmentation profiles = new ProfileAugmentation(db, generator, world);
                profiles.run(context, pool, book);
                world.useProfiles(profiles.acceptedProfiles());
            }
            generate(context, pool, counts);
            outcome = "finished";
        } catch (CancelledException e) {
            outcome = "cancelled";
            throw e;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            String o = outcome;
            double seconds = (System.nanoTime() - t0) / 1e9;
            db.inTransaction(tx -> {
                runs.finish(tx, runId, o, counts.ok, counts.cached, counts.rejected, counts.failed, seconds);
            });
        }
        return new GenerationSummary(generator.generator(), generator.model(), request.variant().key(), counts.ok,
                counts.cached, counts.rejected, counts.failed, estimate.stored(), (System.nanoTime() - t0) / 1e9,
                counts.topFailures(3));
    }

    private void generate(TaskContext context, ExecutorService pool, Counts counts) throws Exception {
        long total = estimate.prompts();
        long maxId = maxSampleId();
        List<Result> buffer = new ArrayList<>();
        long[] committed = {estimate.stored()};
        try {
            if (pool == null) {
                generateOffline(context, counts, buffer, committed, total, maxId);
            } else {
                generateWithPool(context, pool, counts, buffer, committed, total, maxId);
            }
        } finally {
            // Whatever finished is kept, also when the run is cancelled or the server goes away.
            commit(buffer, counts, committed, total, context);
        }
    }

    /** LLM generators: {@code concurrency} prompts in flight, results committed as they come. */
    private void generateWithPool(TaskContext context, ExecutorService pool, Counts counts, List<Result> buffer,
                                  long[] committed, long total, long maxId) throws Exception {
        CompletionService<Result> completions = new ExecutorCompletionService<>(pool);
        // Enough queued work that the workers stay busy while the job thread commits a batch.
        int maxPending = Math.max(4 * generator.concurrency(), 64);
        int[] pending = {0};
        long after = Long.MIN_VALUE;
        while (true) {
            context.checkCancelled();
            Batch page = nextPage(after, maxId);
            if (page == null) {
                break;
            }
            after = page.lastId;
            buffer.addAll(page.cached);
            for (Pending p : page.toSend) {
                Answer early = probed.remove(p.prompt.hash());
                if (early != null) {
                    buffer.add(new Result(p, early));
                } else {
                    while (pending[0] >= maxPending) {
                        takeOne(completions, context, buffer, pending);
                    }
                    completions.submit(() -> new Result(p, generator.answer(p.prompt, p.context, validator)));
                    pending[0]++;
                }
                if (buffer.size() >= request.commitEvery()) {
                    commit(buffer, counts, committed, total, context);
                }
            }
            context.progress(committed[0] + buffer.size(), total, null);
        }
        while (pending[0] > 0) {
            takeOne(completions, context, buffer, pending);
            if (buffer.size() >= request.commitEvery()) {
                commit(buffer, counts, committed, total, context);
            }
        }
    }

    /**
     * The offline reasoner: one thread reads pages and writes the sentences while this one inserts them, so
     * reading and reasoning overlap with the database writes.
     */
    private void generateOffline(TaskContext context, Counts counts, List<Result> buffer, long[] committed, long total,
                                 long maxId) throws Exception {
        BlockingQueue<List<Result>> pages = new ArrayBlockingQueue<>(4);
        List<Result> end = new ArrayList<>(0);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reasoner = new Thread(() -> {
            try {
                long after = Long.MIN_VALUE;
                while (!stop.get()) {
                    Batch page = nextPage(after, maxId);
                    if (page == null) {
                        break;
                    }
                    after = page.lastId;
                    List<Result> results = new ArrayList<>(page.toSend.size());
                    for (Pending p : page.toSend) {
                        results.add(new Result(p, generator.answer(p.prompt, p.context, validator)));
                    }
                    offer(pages, results, stop);
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                offer(pages, end, stop);
            }
        }, "lrw-offline-reasoner");
        reasoner.setDaemon(true);
        reasoner.start();
        try {
            while (true) {
                context.checkCancelled();
                List<Result> results = pages.poll(100, TimeUnit.MILLISECONDS);
                if (results == end) {
                    break;
                }
                if (results != null) {
                    buffer.addAll(results);
                    context.progress(committed[0] + buffer.size(), total, null);
                    if (buffer.size() >= request.commitEvery()) {
                        commit(buffer, counts, committed, total, context);
                    }
                }
            }
        } finally {
            stop.set(true);
            reasoner.join(10_000);
        }
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        }
        if (t != null) {
            throw (Error) t;
        }
    }

    private static void offer(BlockingQueue<List<Result>> queue, List<Result> item, AtomicBoolean stop) {
        try {
            while (!stop.get() && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // The job thread is committing; wait for room unless the run stops.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void takeOne(CompletionService<Result> completions, TaskContext context, List<Result> buffer, int[] pending)
            throws Exception {
        Future<Result> f = null;
        while (f == null) {
            context.checkCancelled();
            f = completions.poll(100, TimeUnit.MILLISECONDS);
        }
        pending[0]--;
        try {
            buffer.add(f.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }

    private void commit(List<Result> buffer, Counts counts, long[] committed, long total, TaskContext context) {
        if (buffer.isEmpty()) {
            return;
        }
        List<ExplanationRow> inserts = new ArrayList<>();
        List<ExplanationRepository.Replacement> updates = new ArrayList<>();
        List<CachedAnswer> toCache = new ArrayList<>();
        for (Result r : buffer) {
            Answer a = r.answer;
            ExplanationRow row = new ExplanationRow(r.pending.context.sampleId(), request.variant().key(),
                    r.pending.prompt.side().key(), generator.generator(), generator.model(),
                    r.pending.prompt.templateVersion(), r.pending.prompt.hash(), a.status().key(), a.text(), a.reason());
            if (r.pending.storedStatus == null) {
                inserts.add(row);
            } else {
                updates.add(new ExplanationRepository.Replacement(row, r.pending.storedStatus));
            }
            if (generator.usesPrompts() && !a.fromCache() && a.status() != Answer.Status.FAILED) {
                toCache.add(new CachedAnswer(r.pending.prompt.hash(), r.pending.prompt.templateVersion(), a.status().key(),
                        a.text(), a.reason()));
            }
        }
        db.inTransaction(tx -> {
            explanations.save(tx, inserts, updates);
            cache.put(tx, generator.generator(), generator.model(), toCache);
        });
        db.inTransaction(tx -> {
            explanations.writeToDisk(tx);
        });
        for (Result r : buffer) {
            counts.add(r.answer);
        }
        committed[0] += buffer.size();
        buffer.clear();
        context.message("committed " + committed[0]);
        context.progress(committed[0], total, null);
    }

    /** The next page of samples: what is cached becomes results at once, the rest is to send. */
    private Batch nextPage(long after, long maxId) {
        List<SampleRef> refs = db.read(tx -> inputs.page(tx, after, maxId, PAGE));
        if (refs.isEmpty()) {
            return null;
        }
        long first = refs.get(0).id();
        long last = refs.get(refs.size() - 1).id();
        Map<Long, Map<String, String>> stored = db.read(tx -> explanations.statuses(tx, request.variant().key(),
                generator.generator(), generator.model(), first, last));
        List<Pending> todo = new ArrayList<>();
        for (SampleRef ref : refs) {
            if (scope != null && !scope.test(ref.consumerId())) {
                continue;
            }
            Map<String, String> sides = stored.getOrDefault(ref.id(), Map.of());
            SampleContext c = null;
            for (Side side : request.variant().sides()) {
                String status = sides.get(side.key());
                if (settled(status)) {
                    continue;
                }
                if (c == null) {
                    c = world.context(ref);
                }
                todo.add(new Pending(c, prompt(side, c), status));
            }
        }
        Batch batch = new Batch(last);
        if (!generator.usesPrompts()) {
            batch.toSend.addAll(todo);
            return batch;
        }
        Map<String, Pending> byHash = new LinkedHashMap<>();
        todo.forEach(p -> byHash.putIfAbsent(p.prompt.hash(), p));
        Map<String, CachedAnswer> hits = db.read(tx -> cache.find(tx, generator.generator(), generator.model(), byHash.keySet()));
        for (Pending p : todo) {
            CachedAnswer hit = hits.get(p.prompt.hash());
            // A retry of rejected rows must reach the generator, not the cache that holds the rejected answer.
            if (hit == null || !settled(hit.status())) {
                batch.toSend.add(p);
            } else {
                Answer a = new Answer(Answer.Status.of(hit.status()), hit.text(), hit.reason(), true);
                batch.cached.add(new Result(p, a));
            }
        }
        return batch;
    }

    /** Samples in scope and their settled rows: {samples, settled rows}. */
    private long[] countInScope(TaskContext context, long maxId) {
        long samples = 0;
        long settledRows = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            context.checkCancelled();
            long from = after;
            List<SampleRef> refs = db.read(tx -> inputs.page(tx, from, maxId, PAGE));
            if (refs.isEmpty()) {
                return new long[] {samples, settledRows};
            }
            after = refs.get(refs.size() - 1).id();
            long first = refs.get(0).id();
            long last = after;
            Map<Long, Map<String, String>> stored = db.read(tx -> explanations.statuses(tx, request.variant().key(),
                    generator.generator(), generator.model(), first, last));
            for (SampleRef ref : refs) {
                if (scope.test(ref.consumerId())) {
                    samples++;
                    for (Side side : request.variant().sides()) {
                        if (settled(stored.getOrDefault(ref.id(), Map.of()).get(side.key()))) {
                            settledRows++;
                        }
                    }
                }
            }
        }
    }

    private Prompt prompt(Side side, SampleContext c) {
        if (book != null) {
            return book.render(request.variant(), side, c, world.dataset().ratingMin(), world.dataset().ratingMax());
        }
        return Prompt.of(side, OfflineGenerator.describeInput(request.variant(), side, c), null);
    }

    private long maxSampleId() {
        return request.limit() == 0 ? Long.MAX_VALUE : db.read(tx -> inputs.nthSampleId(tx, request.limit()));
    }

    private long countSamples() {
        long all = db.read(inputs::sampleCount);
        return request.limit() == 0 ? all : Math.min(all, request.limit());
    }

    /** Whether a stored row (or cached answer) of this status is final for this run; null: nothing stored. */
    private boolean settled(String status) {
        return status != null && !status.equals(Answer.Status.FAILED.key())
                && !status.equals(ExplanationRepository.RETRIEVED)
                && !(request.retryRejected() && status.equals(Answer.Status.REJECTED.key()));
    }

    /** One prompt waiting for an answer; storedStatus: the status of its existing row (replaced), or null (none). */
    private record Pending(SampleContext context, Prompt prompt, String storedStatus) {
    }

    private record Result(Pending pending, Answer answer) {
    }

    private static final class Batch {
        final long lastId;
        final List<Pending> toSend = new ArrayList<>();
        final List<Result> cached = new ArrayList<>();

        Batch(long lastId) {
            this.lastId = lastId;
        }
    }

    private static final class Counts {
        long ok;
        long cached;
        long rejected;
        long failed;
        final Map<String, Long> failureReasons = new HashMap<>();

        void add(Answer a) {
            if (a.fromCache()) {
                cached++;
                return;
            }
            switch (a.status()) {
                case OK -> ok++;
                case REJECTED -> rejected++;
                case FAILED -> {
                    failed++;
                    failureReasons.merge(a.reason() == null ? "unknown" : a.reason(), 1L, Long::sum);
                }
            }
        }

        /** The commonest failure reasons, most frequent first (ties by text, so the order is stable). */
        List<GenerationSummary.ReasonCount> topFailures(int n) {
            return failureReasons.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(n).map(e -> new GenerationSummary.ReasonCount(e.getKey(), e.getValue())).toList();
        }
    }
}
