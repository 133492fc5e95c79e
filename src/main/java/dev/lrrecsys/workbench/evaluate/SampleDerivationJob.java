package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.model.SampleSet;
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
 * last {@link #testCount(int) round(n / 5)} are test, the others train. Existing samples are kept as they
 * are: everything later (explanations, models, views) relies on the same split.
 */
public final class SampleDerivationJob implements Job<SampleDerivation> {

    private static final int PROGRESS_EVERY = 10_000;

    private final Database database;
    private final boolean rederive;
    private final SampleRepository samples = new SampleRepository();

    /** @param rederive delete and derive again when samples exist, allowed only while nothing refers to them */
    public SampleDerivationJob(Database database, boolean rederive) {
        this.database = database;
        this.rederive = rederive;
    }

    /** Derives the samples when the project has none yet (for jobs that need them), and returns the counts. */
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
        return database.inTransaction(tx -> {
            SampleCounts existing = samples.counts(tx);
            if (existing.total() > 0) {
                if (!rederive) {
                    return new SampleDerivation(existing, false, (System.nanoTime() - started) / 1e9);
                }
                refuseWhenUsed(tx);
                samples.deleteAll(tx);
            }
            derive(tx, context);
            return new SampleDerivation(samples.counts(tx), true, (System.nanoTime() - started) / 1e9);
        });
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

    private void derive(Tx tx, TaskContext context) throws Exception {
        long total = samples.interactionCount(tx);
        if (total == 0) {
            throw new WorkbenchException("The project has no interactions yet: import a dataset with `lrw import` "
                    + "or make one with `lrw synth` first.");
        }
        context.checkCancelled();
        context.progress(0, total, "reading interactions in history order");
        try (SampleRepository.Writer writer = samples.writer(tx)) {
            ConsumerHistory history = new ConsumerHistory(writer);
            long[] read = {0};
            samples.forEachInteractionInHistoryOrder(tx, (id, consumerId, productId, rating) -> {
                history.add(id, consumerId, productId, rating);
                if (++read[0] % PROGRESS_EVERY == 0) {
                    context.checkCancelled();
                    context.progress(read[0], total, "consumer " + consumerId);
                }
            });
            history.emit();
            context.checkCancelled();
            context.progress(read[0], total, "committing");
        }
    }

    /** One consumer's interactions in history order, turned into samples when the next consumer starts. */
    private static final class ConsumerHistory {

        private final SampleRepository.Writer writer;
        private final int[] hist = new int[SampleSet.HISTORY];
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
                for (int slot = 0; slot < SampleSet.HISTORY; slot++) {
                    int source = position - SampleSet.HISTORY + slot;
                    hist[slot] = source < 0 ? -1 : products[source];
                }
                writer.add(ids[position], consumer, products[position], ratings[position], position, hist,
                        position >= firstTest);
            }
            size = 0;
        }
    }
}
