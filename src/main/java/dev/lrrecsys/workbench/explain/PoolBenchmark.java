package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ReasoningPoolRepository.SampleTable;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times the reasoning pool's own work on a project's samples, as a pool run does it but without generating or
 * storing: loading the samples and building the behaviour vectors, choosing the seeds, indexing every seed
 * consumer's samples, and finding the nearest seed sample of every other sample (on {@code threads} threads).
 * Also compares the exact scan with the HNSW graph (time per query and agreement) at several index sizes,
 * which is how {@link SeedIndex#EXACT_BELOW} was chosen.
 */
public final class PoolBenchmark {

    /** Exact vs graph at one index size: microseconds per query and the share of queries where both agree. */
    public record Crossover(int seeds, double exactMicros, double hnswMicros, double agreement, double buildSeconds) {
    }

    /** The measured phases, in seconds. */
    public record Result(int samples, int consumers, int seedConsumers, int seedSamples, int dimension,
                         SeedIndex.Mode mode, double loadSeconds, double selectSeconds, double indexSeconds,
                         double retrieveSeconds, double meanSimilarity, PoolMatch match, long fellBack,
                         long otherCandidate, List<Crossover> crossovers) {
        public double totalSeconds() {
            return loadSeconds + selectSeconds + indexSeconds + retrieveSeconds;
        }
    }

    private PoolBenchmark() {
    }

    public static Result run(Database db, PoolSettings settings, int threads, TaskContext context) throws Exception {
        long t0 = System.nanoTime();
        context.message("loading samples and building behaviour vectors");
        PoolRetriever.SampleTableAndSpace loaded = PoolRetriever.loadSpace(db);
        return run(loaded.samples(), loaded.space(), t0, settings, threads, context);
    }

    /**
     * The same on samples made in memory instead of read from a project: a restaurant-like world of
     * {@code samples} samples (consumers with long-tailed activity who favour one cuisine and one price level, products
     * with five attributes, consumers with three traits), for when synthesising and deriving a 1M-sample project
     * takes longer than the machine can give. The timed phases start after the world is made, as they start after
     * the samples are read from a project.
     */
    public static Result runInMemory(int consumers, int products, int samples, PoolSettings settings, int threads,
                                     TaskContext context) throws Exception {
        java.util.Random r = new java.util.Random(1);
        String[][] productAttributes = {
                {"cuisine", "mexican", "italian", "japanese", "chinese", "american", "indian", "thai", "french", "greek",
                        "korean", "vietnamese", "spanish"},
                {"price", "low", "medium", "high"}, {"ambience", "casual", "family", "romantic", "quiet"},
                {"alcohol", "none", "wine-beer", "full-bar"}, {"parking", "none", "street", "lot"}};
        String[][] traits = {{"budget", "low", "medium", "high"}, {"drink", "abstemious", "social", "casual"},
                {"smoker", "yes", "no"}};
        java.util.Map<Integer, List<String>> productValues = new java.util.HashMap<>();
        int[][] productOf = new int[products][];
        for (int p = 0; p < products; p++) {
            List<String> values = new ArrayList<>();
            productOf[p] = new int[productAttributes.length];
            for (int a = 0; a < productAttributes.length; a++) {
                int v = 1 + r.nextInt(productAttributes[a].length - 1);
                productOf[p][a] = v;
                values.add(productAttributes[a][0] + "=" + productAttributes[a][v]);
            }
            productValues.put(p + 1, values);
        }
        // Long-tailed activity: Pareto-like weights, scaled to the wanted number of samples.
        double[] weight = new double[consumers];
        double sum = 0;
        for (int c = 0; c < consumers; c++) {
            weight[c] = 1 / Math.pow(1 - r.nextDouble() * 0.999, 0.7);
            sum += weight[c];
        }
        long[] ids = new long[samples];
        int[] cons = new int[samples];
        int[] prods = new int[samples];
        int[] hist = new int[5 * samples];
        boolean[] training = new boolean[samples];
        int[] positions = new int[samples];
        java.util.Map<Integer, List<String>> consumerValues = new java.util.HashMap<>();
        int i = 0;
        long id = 1;
        for (int c = 0; c < consumers && i < samples; c++) {
            int n = c == consumers - 1 ? samples - i : Math.max(1, (int) Math.round(weight[c] / sum * samples));
            n = Math.min(n, samples - i);
            int cuisine = 1 + r.nextInt(productAttributes[0].length - 1);
            List<String> t = new ArrayList<>();
            for (String[] trait : traits) {
                t.add(trait[0] + "=" + trait[1 + r.nextInt(trait.length - 1)]);
            }
            consumerValues.put(c + 1, t);
            int[] visits = new int[n + 1];
            for (int k = 0; k <= n; k++) {
                int p;
                do {
                    p = r.nextInt(products);
                } while (productOf[p][0] != cuisine && r.nextDouble() < 0.6);
                visits[k] = p + 1;
            }
            int trainEnd = (int) Math.ceil(0.8 * n);
            for (int k = 0; k < n; k++, i++) {
                ids[i] = id++;
                cons[i] = c + 1;
                prods[i] = visits[k + 1];
                positions[i] = k + 1;
                training[i] = k < trainEnd;
                for (int h = 0; h < 5; h++) {
                    int at = k + 1 - 5 + h;
                    hist[5 * i + h] = at >= 0 ? visits[at] : -1;
                }
            }
        }
        SampleTable table = new SampleTable(java.util.Arrays.copyOf(ids, i), java.util.Arrays.copyOf(cons, i),
                java.util.Arrays.copyOf(prods, i), java.util.Arrays.copyOf(hist, 5 * i), java.util.Arrays.copyOf(training, i),
                java.util.Arrays.copyOf(positions, i));
        long t0 = System.nanoTime();
        BehaviourSpace space = BehaviourSpace.build(table, productValues, consumerValues);
        return run(table, space, t0, settings, threads, context);
    }

    private static Result run(SampleTable t, BehaviourSpace space, long t0, PoolSettings settings, int threads,
                              TaskContext context) throws Exception {
        long t1 = System.nanoTime();
        int[] consumers = Arrays.stream(t.consumers()).distinct().sorted().toArray();
        SeedSelection.Result selection = SeedSelection.choose(consumers, space, settings, context);
        Set<Integer> seeds = selection.seeds();
        long t2 = System.nanoTime();
        context.message("indexing the seed consumers' samples");
        int[] seedRows = java.util.stream.IntStream.range(0, t.size()).filter(i -> seeds.contains(t.consumers()[i])).toArray();
        long[] ids = new long[seedRows.length];
        int[] seedProducts = new int[seedRows.length];
        float[][] vectors = new float[seedRows.length][];
        for (int j = 0; j < seedRows.length; j++) {
            int i = seedRows[j];
            ids[j] = t.ids()[i];
            seedProducts[j] = t.products()[i];
            vectors[j] = space.sampleVector(t.consumers()[i], t.products()[i], t.historyOf(i));
        }
        SeedIndex.Mode mode = SeedIndex.modeFor(ids.length);
        double similaritySum = 0;
        int[] others = java.util.stream.IntStream.range(0, t.size()).filter(i -> !seeds.contains(t.consumers()[i])).toArray();
        long t3;
        long t4;
        java.util.concurrent.atomic.AtomicLong fellBack = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong otherCandidate = new java.util.concurrent.atomic.AtomicLong();
        try (SeedIndex index = SeedIndex.build(ids, seedProducts, vectors, mode, context::isCancelled)) {
            t3 = System.nanoTime();
            context.message("retrieving for " + others.length + " samples on " + threads + " threads");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Double>> parts = new ArrayList<>();
                int chunk = 2_000;
                for (int from = 0; from < others.length; from += chunk) {
                    int a = from;
                    int b = Math.min(others.length, from + chunk);
                    parts.add(pool.submit(() -> {
                        double s = 0;
                        for (int k = a; k < b; k++) {
                            int i = others[k];
                            float[] v = space.sampleVector(t.consumers()[i], t.products()[i], t.historyOf(i));
                            // The same matching as PoolRetriever.nearest.
                            SeedIndex.Match m = settings.match() == PoolMatch.PRODUCT
                                    ? index.nearestOfProduct(v, t.products()[i]) : null;
                            if (m == null) {
                                if (settings.match() == PoolMatch.PRODUCT) {
                                    fellBack.incrementAndGet();
                                }
                                m = index.nearest(v);
                            }
                            if (seedProducts[m.seed()] != t.products()[i]) {
                                otherCandidate.incrementAndGet();
                            }
                            s += m.similarity();
                        }
                        return s;
                    }));
                }
                for (int p = 0; p < parts.size(); p++) {
                    context.checkCancelled();
                    similaritySum += parts.get(p).get();
                    context.progress(Math.min(others.length, (long) (p + 1) * chunk), others.length, "retrieving");
                }
            } finally {
                pool.shutdownNow();
            }
            t4 = System.nanoTime();
        }
        List<Crossover> crossovers = new ArrayList<>();
        for (int size : new int[] {500, 1_000, 2_000, 4_000, 8_000, 32_000}) {
            if (size > ids.length || others.length == 0) {
                break;
            }
            context.checkCancelled();
            crossovers.add(crossover(Arrays.copyOf(ids, size), Arrays.copyOf(seedProducts, size), Arrays.copyOf(vectors, size),
                    t, space, others, context));
        }
        return new Result(t.size(), consumers.length, seeds.size(), ids.length, space.dimension(), mode,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9,
                similaritySum / Math.max(1, others.length), settings.match(), fellBack.get(), otherCandidate.get(), crossovers);
    }

    private static Crossover crossover(long[] ids, int[] seedProducts, float[][] vectors, SampleTable t, BehaviourSpace space, int[] others,
                                       TaskContext context) {
        int queries = Math.min(2_000, others.length);
        float[][] q = new float[queries][];
        for (int k = 0; k < queries; k++) {
            int i = others[(int) ((long) k * others.length / queries)];
            q[k] = space.sampleVector(t.consumers()[i], t.products()[i], t.historyOf(i));
        }
        long b0 = System.nanoTime();
        try (SeedIndex graph = SeedIndex.build(ids, seedProducts, vectors, SeedIndex.Mode.HNSW, context::isCancelled)) {
            double build = (System.nanoTime() - b0) / 1e9;
            // One untimed pass each, so that both are compiled before they are timed.
            for (int k = 0; k < Math.min(200, queries); k++) {
                graph.nearest(q[k]);
                graph.exact(q[k]);
            }
            long e0 = System.nanoTime();
            long[] exact = new long[queries];
            for (int k = 0; k < queries; k++) {
                exact[k] = graph.exact(q[k]).seedSampleId();
            }
            long e1 = System.nanoTime();
            int agree = 0;
            for (int k = 0; k < queries; k++) {
                SeedIndex.Match m = graph.nearest(q[k]);
                if (m.seedSampleId() == exact[k]) {
                    agree++;
                }
            }
            long e2 = System.nanoTime();
            return new Crossover(ids.length, (e1 - e0) / 1e3 / queries, (e2 - e1) / 1e3 / queries, (double) agree / queries, build);
        }
    }
}
