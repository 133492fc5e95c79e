package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.task.TaskContext;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * RELAND's seed consumers: round(fraction x consumers) of them (at least one), a share chosen by K-means over
 * the consumers' behaviour vectors (seeds per cluster in proportion to its size, largest remainder; a
 * cluster with one seed gives the consumer nearest its centre, otherwise a seeded random draw), the rest
 * drawn with probability proportional to each consumer's training interactions (the long-history bias), without
 * replacement. Deterministic for the same data and settings, so a rerun resumes with the same seeds.
 */
public final class SeedSelection {

    /** At most this many clusters: enough to cover behaviour types, few enough for K-means to take seconds. */
    static final int MAX_CLUSTERS = 32;
    /** K-means is fitted on at most this many consumers (seeded draw); every consumer is then assigned. */
    static final int MAX_FIT_POINTS = 20_000;
    private static final int MAX_ITERATIONS = 50;

    /**
     * @param seeds          the chosen consumer ids
     * @param clusters       K of the K-means
     * @param fromClusters   seeds chosen by cluster
     * @param fromLongHistory seeds chosen by the long-history bias
     */
    public record Result(Set<Integer> seeds, int consumers, int clusters, int fromClusters, int fromLongHistory) {
    }

    private SeedSelection() {
    }

    /** Chooses seeds among the given consumers (those with samples). */
    public static Result choose(int[] consumerIds, BehaviourSpace space, PoolSettings settings, TaskContext context) {
        int n = consumerIds.length;
        int target = Math.max(1, Math.min(n, (int) Math.round(settings.fraction() * n)));
        if (target == n) {
            Set<Integer> all = new LinkedHashSet<>();
            Arrays.stream(consumerIds).forEach(all::add);
            return new Result(all, n, 0, 0, 0);
        }
        int longHistory = (int) Math.round(settings.longHistoryShare() * target);
        int byCluster = target - longHistory;
        Random random = new Random(settings.seed());
        Set<Integer> chosen = new LinkedHashSet<>();
        int k = 0;
        if (byCluster > 0) {
            k = Math.max(1, Math.min(Math.min(MAX_CLUSTERS, byCluster), n));
            context.message("clustering " + n + " consumers (K-means, K = " + k + ")");
            chooseByCluster(consumerIds, space, k, byCluster, random, settings.seed(), chosen, context);
        }
        context.checkCancelled();
        chooseByActivity(consumerIds, space, target - chosen.size(), random, chosen);
        return new Result(chosen, n, k, byCluster, target - byCluster);
    }

    private static void chooseByCluster(int[] ids, BehaviourSpace space, int k, int seeds, Random random, long seed,
                                        Set<Integer> chosen, TaskContext context) {
        List<DoublePoint> fit = new ArrayList<>();
        int[] order = shuffled(ids.length, random);
        for (int i = 0; i < Math.min(MAX_FIT_POINTS, ids.length); i++) {
            fit.add(point(space.consumer(ids[order[i]])));
        }
        JDKRandomGenerator rng = new JDKRandomGenerator();
        rng.setSeed(seed);
        List<CentroidCluster<DoublePoint>> clusters = new KMeansPlusPlusClusterer<DoublePoint>(k, MAX_ITERATIONS,
                new EuclideanDistance(), rng).cluster(fit);
        context.checkCancelled();
        int kk = clusters.size();
        double[][] centres = new double[kk][];
        for (int c = 0; c < kk; c++) {
            centres[c] = clusters.get(c).getCenter().getPoint();
        }
        // Every consumer joins its nearest centre; members keep the consumers' order (deterministic).
        List<List<Integer>> members = new ArrayList<>();
        List<List<Double>> distances = new ArrayList<>();
        for (int c = 0; c < kk; c++) {
            members.add(new ArrayList<>());
            distances.add(new ArrayList<>());
        }
        for (int i = 0; i < ids.length; i++) {
            if (i % 10_000 == 0) {
                context.checkCancelled();
            }
            float[] v = space.consumer(ids[i]);
            int best = 0;
            double bestD = Double.MAX_VALUE;
            for (int c = 0; c < kk; c++) {
                double d = squaredDistance(v, centres[c]);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            members.get(best).add(ids[i]);
            distances.get(best).add(bestD);
        }
        int[] quota = largestRemainder(members.stream().mapToInt(List::size).toArray(), seeds);
        for (int c = 0; c < kk; c++) {
            List<Integer> m = members.get(c);
            if (quota[c] == 1) {
                List<Double> d = distances.get(c);
                Integer[] byDistance = new Integer[m.size()];
                for (int i = 0; i < byDistance.length; i++) {
                    byDistance[i] = i;
                }
                Arrays.sort(byDistance, Comparator.comparingDouble(d::get));
                chosen.add(m.get(byDistance[0]));
            } else if (quota[c] > 1) {
                int[] pick = shuffled(m.size(), random);
                for (int i = 0; i < quota[c]; i++) {
                    chosen.add(m.get(pick[i]));
                }
            }
        }
    }

    /** Weighted draw without replacement (Efraimidis-Spirakis keys u^(1/w)): the long-history bias. */
    private static void chooseByActivity(int[] ids, BehaviourSpace space, int count, Random random, Set<Integer> chosen) {
        if (count <= 0) {
            return;
        }
        double[] keys = new double[ids.length];
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) {
            double w = Math.max(1, space.trainingInteractions(ids[i]));
            keys[i] = chosen.contains(ids[i]) ? Double.NEGATIVE_INFINITY : Math.log(random.nextDouble()) / w;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
        for (int i = 0; i < ids.length && count > 0; i++) {
            if (chosen.add(ids[order[i]])) {
                count--;
            }
        }
    }

    static int[] largestRemainder(int[] sizes, int seats) {
        long total = Arrays.stream(sizes).asLongStream().sum();
        int[] out = new int[sizes.length];
        double[] rest = new double[sizes.length];
        int given = 0;
        for (int c = 0; c < sizes.length; c++) {
            double exact = total == 0 ? 0 : (double) seats * sizes[c] / total;
            out[c] = Math.min(sizes[c], (int) Math.floor(exact));
            rest[c] = exact - out[c];
            given += out[c];
        }
        Integer[] order = new Integer[sizes.length];
        for (int c = 0; c < sizes.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(rest[b], rest[a]));
        for (int i = 0; given < seats && i < 10 * sizes.length; i++) {
            int c = order[i % sizes.length];
            if (out[c] < sizes[c]) {
                out[c]++;
                given++;
            }
        }
        return out;
    }

    private static int[] shuffled(int n, Random random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static DoublePoint point(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return new DoublePoint(d);
    }

    private static double squaredDistance(float[] v, double[] c) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            double d = v[i] - c[i];
            s += d * d;
        }
        return s;
    }
}
