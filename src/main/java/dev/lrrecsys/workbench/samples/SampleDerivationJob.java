package dev.lrrecsys.workbench.samples;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.SampleCounts;
import dev.lrrecsys.workbench.store.SampleRepository;
import dev.lrrecsys.workbench.store.Tx;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Derives the samples and fixes the train/test split, once per project. Per consumer, in history order
 * (time, then interaction id = file order), every interaction after the first becomes a sample whose history
 * is the up to 5 products before it (oldest to newest, left-padded with NULL). Of a consumer's n samples the
 * last {@link #testCount(int) round(n / 5)} are test, the others train. Complete samples are kept as they
 * are: everything later (explanations, models, views) relies on the same split.
 * <p>
 * It commits per range of whole consumers (about {@value #DEFAULT_RANGE} interactions), so a transaction's undo
 * data stays small and a cancelled or killed run keeps the finished consumers; the next run notices the
 * samples are fewer than the interactions call for and resumes after the last consumer it finished.
 */
public final class SampleDerivationJob implements Job<SampleDerivation> {

    /**
     * Products in a sample's history: the five columns {@code hist1..hist5} of table {@code sample}. The models
     * read the same width ({@code model.SampleSet.HISTORY}); it lives here because the derivation defines it.
     */
    public static final int HISTORY = 5;
    static final int DEFAULT_RANGE = 50_000;
    private static final int CANCEL_CHECK_EVERY = 2_000;
    /** Returned by {@link #startAfter} when the samples are already complete. */
    private static final int ALREADY_COMPLETE = Integer.MAX_VALUE;

    private final Database database;
    private final boolean rederive;
    private final int rangeInteractions;
    private final SampleRepository samples = new SampleRepository();

    /** @param rederive delete and derive again when samples exist, allowed only while nothing refers to them */
    public SampleDerivationJob(Database database, boolean rederive) {
        this(database, rederive, DEFAULT_RANGE);
    }

    SampleDerivationJob(Database database, boolean rederive, int rangeInteractions) {
        this.database = database;
        this.rederive = rederive;
        this.rangeInteractions = rangeInteractions;
    }

    /** Derives the samples when the project has none yet, or finishes an interrupted derivation; returns the counts. */
    public static SampleCounts ensureSamples(Database database, TaskContext context) {
        return new SampleDerivationJob(database, false).run(context).counts();
    }

    /**
     * How many of a consumer's {@code samples} (in time order) go to test: round(samples / 5), written
     * (samples + 2) / 5 in integer arithmetic (n / 5 is never exactly half-way, so no tie rule is needed).
     * 1 or 2 samples give 0 (all train), 3..7 give 1, 8..12 give 2.
     */
    public static int testCount(int samples) {
        return (samples + 2) / 5;
    }

    @Override
    public String title() {
        return "Derive samples";
    }

    @Override
    public SampleDerivation run(TaskContext context) {
        long started = System.nanoTime();
        int after = database.inTransaction(tx -> {
            return startAfter(tx);
        });
        if (after == ALREADY_COMPLETE) {
            return new SampleDerivation(database.read(samples::counts), false, (System.nanoTime() - started) / 1e9);
        }
        derive(after, context);
        return new SampleDerivation(database.read(samples::counts), true, (System.nanoTime() - started) / 1e9);
    }

    /** The consumer after which to derive, having deleted the samples first when asked to re-derive. */
    private int startAfter(Tx tx) throws Exception {
        long interactions = samples.interactionCount(tx);
        if (interactions == 0) {
            throw new WorkbenchException("The project has no interactions yet: import a dataset with `lrw import` "
                    + "or make one with `lrw synth` first.");
        }
        SampleCounts existing = samples.counts(tx);
        if (existing.total() == 0) {
            return Integer.MIN_VALUE;
        }
        if (rederive) {
            refuseWhenUsed(tx);
            samples.deleteAll(tx);
            return Integer.MIN_VALUE;
        }
        if (existing.total() == samples.expectedSampleCount(tx)) {
            return ALREADY_COMPLETE;
        }
        return samples.lastConsumerWithSamples(tx);
    }

    private void refuseWhenUsed(Tx tx) throws Exception {
        Map<String, Long> users = samples.referencingRows(tx);
        users.values().removeIf(rows -> rows == 0);
        if (!users.isEmpty()) {
            String list = users.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue() + (e.getValue() == 1 ? " row" : " rows"))
                    .collect(Collectors.joining(", "));
            throw new WorkbenchException("Cannot re-derive the samples: later results refer to them (" + list
                    + "). The split stays fixed once it has been used; make a new project to change it.");
        }
    }

    private void derive(int after, TaskContext context) {
        long total = database.read(samples::interactionCount);
        int[][] spans = database.read(tx -> {
            return samples.consumerSpans(tx, after);
        });
        int[] consumers = spans[0];
        int[] counts = spans[1];
        long remaining = 0;
        for (int c : counts) {
            remaining += c;
        }
        long done = total - remaining;
        context.progress(done, total, after == Integer.MIN_VALUE ? "deriving" : "resuming after consumer " + after);
        int first = 0;
        while (first < consumers.length) {
            context.checkCancelled();
            int last = first;
            long size = counts[first];
            while (last + 1 < consumers.length && size + counts[last + 1] <= rangeInteractions) {
                size += counts[++last];
            }
            int from = consumers[first];
            int to = consumers[last];
            database.inTransaction(tx -> {
                deriveRange(tx, from, to, context);
            });
            done += size;
            context.progress(done, total, "consumer " + to);
            first = last + 1;
        }
    }

    private void deriveRange(Tx tx, int fromConsumer, int toConsumer, TaskContext context) throws Exception {
        try (SampleRepository.Writer writer = samples.writer(tx)) {
            ConsumerHistory history = new ConsumerHistory(writer);
            long[] read = {0};
            samples.forEachInteractionInHistoryOrder(tx, fromConsumer, toConsumer, (id, consumer, product, rating) -> {
                history.add(id, consumer, product, rating);
                if (++read[0] % CANCEL_CHECK_EVERY == 0) {
                    context.checkCancelled();
                }
            });
            history.emit();
        }
    }

    /** One consumer's interactions in history order, turned into samples when the next consumer starts. */
    private static final class ConsumerHistory {

        private final SampleRepository.Writer writer;
        private final int[] hist = new int[HISTORY];
        private int consumer = Integer.MIN_VALUE;
        private int size;
        private long[] ids = new long[64];
        private int[] products = new int[64];
        private double[] ratings = new double[64];

        ConsumerHistory(SampleRepository.Writer writer) {
            this.writer = writer;
        }

        void add(long id, int consumerId, int productId, double rating) throws Exception {
            if (consumerId != consumer) {
                emit();
                consumer = consumerId;
                size = 0;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                products = Arrays.copyOf(products, size * 2);
                ratings = Arrays.copyOf(ratings, size * 2);
            }
            ids[size] = id;
            products[size] = productId;
            ratings[size] = rating;
            size++;
        }

        /** Writes the current consumer's samples: positions 1..size-1, the last testCount of them as test. */
        void emit() throws Exception {
            int sampleCount = size - 1;
            if (sampleCount < 1) {
                return;
            }
            int firstTest = size - testCount(sampleCount);
            for (int position = 1; position < size; position++) {
                for (int slot = 0; slot < HISTORY; slot++) {
                    int source = position - HISTORY + slot;
                    hist[slot] = source < 0 ? -1 : products[source];
                }
                writer.add(ids[position], consumer, products[position], ratings[position], position, hist,
                        position >= firstTest);
            }
            size = 0;
        }
    }
}
