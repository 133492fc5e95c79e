package dev.lrrecsys.workbench.factors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mask training after ConciseExplain, over binary factor features: a small linear rating model
 * {@code rating = bias + sum of gate(f) x effect(f) over the factors on} is first trained with random feature
 * masking (each sample keeps each of its factors with a probability p drawn from U(0,1), so effects hold up
 * when others are off), then a hard-concrete gate per factor is trained with it under an L0 penalty (the
 * expected number of open gates). A factor whose deterministic gate ends above 0.5 is a key factor. Of two
 * twins one gate closes and the other takes the whole effect; a factor that only stands in for another adds
 * nothing once that one is open, so the penalty closes it.
 */
public final class MaskTraining {

    /** Samples as the factors on for each and its rating. */
    public record Data(int[][] active, double[] rating) {
        public int size() {
            return rating.length;
        }
    }

    /** The rating model (bias, effects) and, after gate training, the gates. */
    public record Outcome(double bias, double[] effect, double[] gate) {

        /** Prediction with hard gates: only factors whose gate is above 0.5 count. */
        public double predict(int[] active) {
            double y = bias;
            for (int f : active) {
                if (gate[f] > 0.5) {
                    y += effect[f];
                }
            }
            return y;
        }

        /** How many factors are kept. */
        public int kept() {
            int n = 0;
            for (double g : gate) {
                if (g > 0.5) {
                    n++;
                }
            }
            return n;
        }
    }

    /** One penalty tried: its validation RMSE and how many factors it kept. */
    public record Trial(double penalty, double validationRmse, int kept) {
    }

    /** Called between steps: throws to cancel (the task's cancel check). */
    @FunctionalInterface
    public interface Checkpoint {
        void check();
    }

    /** Penalties tried on validation, weakest first (0: every gate free). */
    public static final double[] PENALTIES = {0, 0.0001, 0.0003, 0.001, 0.003, 0.01};
    /** The chosen penalty is the strongest whose validation RMSE is within this share of the best one. */
    public static final double TOLERANCE = 0.005;
    /** Factors on in fewer training samples than this keep their gate shut: their effect is noise. */
    public static final int MIN_SUPPORT = 10;
    /** Open factors on for at least this share of the same samples (Jaccard) are twins. */
    public static final double TWIN_JACCARD = 0.95;

    private static final int MODEL_EPOCHS = 8;
    private static final int BATCH = 256;
    private static final double MODEL_LEARNING_RATE = 0.02;
    private static final double WEIGHT_DECAY = 1e-4;
    private static final int GATE_EPOCHS = 6;
    private static final double GATE_LEARNING_RATE = 0.05;
    private static final double GATE_START = 2.0;
    /** Hard-concrete temperature and stretch, Louizos et al.'s values. */
    private static final double BETA = 2.0 / 3;
    private static final double GAMMA = -0.1;
    private static final double ZETA = 1.1;

    private final int factors;
    private final long seed;
    private final Checkpoint checkpoint;

    public MaskTraining(int factors, long seed, Checkpoint checkpoint) {
        this.factors = factors;
        this.seed = seed;
        this.checkpoint = checkpoint;
    }

    /** How many training samples each factor is on in. */
    public int[] support(Data d) {
        int[] s = new int[factors];
        for (int[] a : d.active()) {
            for (int f : a) {
                s[f]++;
            }
        }
        return s;
    }

    /** Stage 1: bias and effects by mini-batch Adam with random feature masking; gates all open. */
    public Outcome trainModel(Data d) {
        double mean = Arrays.stream(d.rating()).average().orElse(0);
        double bias = mean;
        double[] w = new double[factors];
        double[] m = new double[factors + 1];
        double[] v = new double[factors + 1];
        double[] grad = new double[factors + 1];
        boolean[] touched = new boolean[factors];
        SplittableRandom random = new SplittableRandom(seed);
        int n = d.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long step = 0;
        int[] kept = new int[64];
        for (int epoch = 0; epoch < MODEL_EPOCHS; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < n; start += BATCH) {
                checkpoint.check();
                int end = Math.min(n, start + BATCH);
                List<Integer> touchedList = new ArrayList<>();
                double gb = 0;
                for (int b = start; b < end; b++) {
                    int i = order[b];
                    int[] a = d.active()[i];
                    double p = random.nextDouble();
                    if (kept.length < a.length) {
                        kept = new int[a.length];
                    }
                    int k = 0;
                    double y = bias;
                    for (int f : a) {
                        if (random.nextDouble() < p) {
                            kept[k++] = f;
                            y += w[f];
                        }
                    }
                    double r = 2 * (y - d.rating()[i]) / (end - start);
                    gb += r;
                    for (int q = 0; q < k; q++) {
                        int f = kept[q];
                        if (!touched[f]) {
                            touched[f] = true;
                            touchedList.add(f);
                        }
                        grad[f] += r;
                    }
                }
                step++;
                bias -= adam(gb, factors, m, v, step, MODEL_LEARNING_RATE);
                for (int f : touchedList) {
                    w[f] -= adam(grad[f] + WEIGHT_DECAY * w[f], f, m, v, step, MODEL_LEARNING_RATE);
                    grad[f] = 0;
                    touched[f] = false;
                }
            }
        }
        double[] open = new double[factors];
        Arrays.fill(open, 1);
        return new Outcome(bias, w, open);
    }

    /**
     * Stage 2: hard-concrete gates (Louizos et al.'s L0 relaxation) trained jointly with the effects, from the
     * stage-1 model, by mini-batch Adam on squared error + penalty x expected number of open gates. Effects
     * follow their gates, so of two twins one closes and the other takes the whole effect, which a penalty on
     * the gate values of a fixed model cannot do (it only splits the effect between them).
     */
    public Outcome trainGates(Outcome model, Data d, double penalty, int[] support) {
        double[] logAlpha = new double[factors];
        double[] w = model.effect().clone();
        double bias = model.bias();
        for (int f = 0; f < factors; f++) {
            logAlpha[f] = support[f] >= MIN_SUPPORT ? GATE_START : -20;
        }
        int slots = 2 * factors + 1;
        double[] m = new double[slots];
        double[] v = new double[slots];
        double[] gw = new double[factors];
        double[] ga = new double[factors];
        boolean[] touched = new boolean[factors];
        SplittableRandom random = new SplittableRandom(seed + 1);
        int n = d.size();
        int[] order = shuffled(n, random);
        double penaltyShift = BETA * Math.log(-GAMMA / ZETA);
        double[] z = new double[64];
        double[] dz = new double[64];
        long step = 0;
        for (int epoch = 0; epoch < GATE_EPOCHS; epoch++) {
            shuffle(order, random);
            for (int start = 0; start < n; start += BATCH) {
                checkpoint.check();
                int end = Math.min(n, start + BATCH);
                List<Integer> touchedList = new ArrayList<>();
                double gb = 0;
                for (int b = start; b < end; b++) {
                    int i = order[b];
                    int[] a = d.active()[i];
                    if (z.length < a.length) {
                        z = new double[a.length];
                        dz = new double[a.length];
                    }
                    double y = bias;
                    for (int q = 0; q < a.length; q++) {
                        int f = a[q];
                        double u = 1e-6 + random.nextDouble() * (1 - 2e-6);
                        double sg = sigmoid((Math.log(u) - Math.log(1 - u) + logAlpha[f]) / BETA);
                        double stretched = sg * (ZETA - GAMMA) + GAMMA;
                        z[q] = Math.min(1, Math.max(0, stretched));
                        dz[q] = stretched > 0 && stretched < 1 ? (ZETA - GAMMA) * sg * (1 - sg) / BETA : 0;
                        y += z[q] * w[f];
                    }
                    double r = 2 * (y - d.rating()[i]) / (end - start);
                    gb += r;
                    for (int q = 0; q < a.length; q++) {
                        int f = a[q];
                        if (!touched[f]) {
                            touched[f] = true;
                            touchedList.add(f);
                        }
                        gw[f] += r * z[q];
                        ga[f] += r * w[f] * dz[q];
                    }
                }
                step++;
                bias -= adam(gb, 2 * factors, m, v, step, MODEL_LEARNING_RATE);
                for (int f : touchedList) {
                    w[f] -= adam(gw[f] + WEIGHT_DECAY * w[f], f, m, v, step, MODEL_LEARNING_RATE);
                    gw[f] = 0;
                    touched[f] = false;
                }
                // The penalty is on every gate at every step, also on gates no sample of this batch opened.
                double share = (double) (end - start) / n;
                for (int f = 0; f < factors; f++) {
                    if (support[f] < MIN_SUPPORT) {
                        ga[f] = 0;
                        continue;
                    }
                    double open = sigmoid(logAlpha[f] - penaltyShift);
                    double g = ga[f] + penalty * share * open * (1 - open) * n / (end - start);
                    ga[f] = 0;
                    if (g != 0) {
                        logAlpha[f] -= adam(g, factors + f, m, v, step, GATE_LEARNING_RATE);
                    }
                }
            }
        }
        double[] gate = new double[factors];
        for (int f = 0; f < factors; f++) {
            gate[f] = support[f] < MIN_SUPPORT ? 0
                    : Math.min(1, Math.max(0, sigmoid(logAlpha[f]) * (ZETA - GAMMA) + GAMMA));
        }
        return new Outcome(bias, w, gate);
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /**
     * Twins are one factor: of two open factors on for (nearly) the same training samples (Jaccard at least
     * {@value #TWIN_JACCARD}), the weaker one's gate closes and the stronger takes its effect. Gradient descent
     * cannot do this itself: with both open the effect is split between them, and closing either first makes
     * the error worse, whatever the penalty.
     */
    public Outcome mergeTwins(Outcome o, Data d, int[] support) {
        double[] gate = o.gate().clone();
        double[] w = o.effect().clone();
        int[] open = new int[factors];
        java.util.Arrays.fill(open, -1);
        int k = 0;
        for (int f = 0; f < factors; f++) {
            if (gate[f] > 0.5) {
                open[f] = k++;
            }
        }
        if (k < 2) {
            return o;
        }
        int[][] together = new int[k][k];
        int[] on = new int[64];
        for (int[] a : d.active()) {
            int m = 0;
            if (on.length < a.length) {
                on = new int[a.length];
            }
            for (int f : a) {
                if (open[f] >= 0) {
                    on[m++] = f;
                }
            }
            for (int x = 0; x < m; x++) {
                for (int y = x + 1; y < m; y++) {
                    together[open[on[x]]][open[on[y]]]++;
                }
            }
        }
        for (int f = 0; f < factors; f++) {
            for (int g = f + 1; g < factors; g++) {
                if (open[f] < 0 || open[g] < 0 || gate[f] <= 0.5 || gate[g] <= 0.5) {
                    continue;
                }
                int both = together[open[f]][open[g]];
                double jaccard = (double) both / (support[f] + support[g] - both);
                if (jaccard >= TWIN_JACCARD) {
                    int keep = Math.abs(gate[f] * w[f]) >= Math.abs(gate[g] * w[g]) ? f : g;
                    int drop = keep == f ? g : f;
                    w[keep] = (gate[keep] * w[keep] + gate[drop] * w[drop]) / gate[keep];
                    gate[drop] = 0;
                }
            }
        }
        return new Outcome(o.bias(), w, gate);
    }

    /** RMSE with hard gates. */
    public static double rmse(Outcome o, Data d) {
        double s = 0;
        for (int i = 0; i < d.size(); i++) {
            double e = o.predict(d.active()[i]) - d.rating()[i];
            s += e * e;
        }
        return d.size() == 0 ? Double.NaN : Math.sqrt(s / d.size());
    }

    /** RMSE of the mean training rating alone (no factor on). */
    public static double baselineRmse(Outcome o, Data d) {
        double s = 0;
        for (double r : d.rating()) {
            s += (o.bias() - r) * (o.bias() - r);
        }
        return d.size() == 0 ? Double.NaN : Math.sqrt(s / d.size());
    }

    /**
     * The penalty chosen on validation: the strongest of {@link #PENALTIES} whose validation RMSE is within
     * {@link #TOLERANCE} of the best one (fewer factors for a negligible loss), with every trial.
     */
    public static int choose(List<Trial> trials) {
        double best = trials.stream().mapToDouble(Trial::validationRmse).min().orElse(Double.NaN);
        int chosen = 0;
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).validationRmse() <= best * (1 + TOLERANCE)) {
                chosen = i;
            }
        }
        return chosen;
    }

    private static double adam(double g, int slot, double[] m, double[] v, long step, double lr) {
        m[slot] = 0.9 * m[slot] + 0.1 * g;
        v[slot] = 0.999 * v[slot] + 0.001 * g * g;
        double mh = m[slot] / (1 - Math.pow(0.9, step));
        double vh = v[slot] / (1 - Math.pow(0.999, step));
        return lr * mh / (Math.sqrt(vh) + 1e-8);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
