package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.task.TaskContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The LC probe: a ridge regression that predicts a sample's scaled rating from its explanation pair alone.
 * Features per side: each known word's presence and its position bucket (words 1-10, 11-20, ...), so that the
 * same words in another order (what the offline reasoner's candidates differ by) score differently, as they do
 * for the autoencoder, which reads fixed positions. Each feature vector is scaled to unit length. Fitted by
 * seeded SGD on training samples only, its penalty chosen on the validation part (docs/alignment.md).
 */
public final class AlignmentProbe {

    static final int BUCKET_WORDS = 10;
    static final int BUCKETS = 5;
    private static final int PER_WORD = 1 + BUCKETS;
    private static final double[] PENALTIES = {1e-5, 1e-4, 1e-3};
    private static final int EPOCHS = 15;
    private static final double LEARNING_RATE = 0.05;

    private final Map<String, Integer> vocabulary;
    private final double[] weights;
    private final double bias;
    private final double l2;

    private AlignmentProbe(Map<String, Integer> vocabulary, double[] weights, double bias, double l2) {
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.bias = bias;
        this.l2 = l2;
    }

    /** One training example: the pair's texts and the scaled rating. */
    public record Example(String positive, String negative, double target) {
    }

    /** The fitted probe and its validation RMSE. */
    public record Fit(AlignmentProbe probe, double validationRmse) {
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    public double l2() {
        return l2;
    }

    /** What the pair alone predicts, on the [0,1] rating scale. */
    public double predict(String positive, String negative) {
        Features f = features(positive, negative);
        double s = bias;
        for (int i = 0; i < f.index.length; i++) {
            s += weights[f.index[i]] * f.value;
        }
        return Math.max(0, Math.min(1, s));
    }

    /**
     * Fits one probe per penalty on {@code train} and keeps the one with the lowest RMSE on {@code validation}
     * (the last penalty's when there is no validation example). Words seen in fewer than two training texts are
     * left out.
     */
    public static Fit fit(List<Example> train, List<Example> validation, long seed, TaskContext context) {
        Map<String, Integer> counts = new HashMap<>();
        for (Example e : train) {
            for (String w : distinctWords(e.positive(), e.negative())) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        counts.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey).sorted()
                .forEach(w -> vocabulary.put(w, vocabulary.size()));
        double mean = train.stream().mapToDouble(Example::target).average().orElse(0.5);
        AlignmentProbe shell = new AlignmentProbe(vocabulary, new double[0], mean, 0);
        List<Features> trainFeatures = new ArrayList<>(train.size());
        for (Example e : train) {
            trainFeatures.add(shell.features(e.positive(), e.negative()));
        }
        Fit best = null;
        for (double l2 : PENALTIES) {
            AlignmentProbe p = sgd(vocabulary, trainFeatures, train, mean, l2, seed, context);
            double rmse = validation.isEmpty() ? Double.NaN : rmse(p, validation);
            if (best == null || (!Double.isNaN(rmse) && !(rmse >= best.validationRmse()))) {
                best = new Fit(p, rmse);
            }
        }
        return best;
    }

    private static AlignmentProbe sgd(Map<String, Integer> vocabulary, List<Features> xs, List<Example> train, double mean,
                                      double l2, long seed, TaskContext context) {
        double[] w = new double[2 * vocabulary.size() * PER_WORD];
        double b = mean;
        int[] order = new int[xs.size()];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double lr = LEARNING_RATE / (1 + epoch * 0.5);
            for (int n = 0; n < order.length; n++) {
                if ((n & 4095) == 0) {
                    context.checkCancelled();
                }
                Features f = xs.get(order[n]);
                double s = b;
                for (int k : f.index) {
                    s += w[k] * f.value;
                }
                double err = s - train.get(order[n]).target();
                b -= lr * err;
                for (int k : f.index) {
                    w[k] -= lr * (err * f.value + l2 * w[k]);
                }
            }
        }
        return new AlignmentProbe(vocabulary, w, b, l2);
    }

    static double rmse(AlignmentProbe p, List<Example> examples) {
        double sum = 0;
        for (Example e : examples) {
            double d = p.predict(e.positive(), e.negative()) - e.target();
            sum += d * d;
        }
        return Math.sqrt(sum / Math.max(1, examples.size()));
    }

    /** Active feature indices of a pair; every active feature has the same value (unit-length vector). */
    private record Features(int[] index, double value) {
    }

    private Features features(String positive, String negative) {
        List<Integer> active = new ArrayList<>();
        addSide(active, positive, 0);
        addSide(active, negative, 1);
        int[] index = active.stream().mapToInt(Integer::intValue).distinct().toArray();
        return new Features(index, index.length == 0 ? 0 : 1 / Math.sqrt(index.length));
    }

    private void addSide(List<Integer> active, String text, int side) {
        String[] words = words(text);
        for (int pos = 0; pos < words.length; pos++) {
            Integer v = vocabulary.get(words[pos]);
            if (v == null) {
                continue;
            }
            int base = (side * vocabulary.size() + v) * PER_WORD;
            active.add(base);
            active.add(base + 1 + Math.min(pos / BUCKET_WORDS, BUCKETS - 1));
        }
    }

    static String[] words(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .toArray(String[]::new);
    }

    private static List<String> distinctWords(String positive, String negative) {
        List<String> out = new ArrayList<>();
        out.addAll(Arrays.asList(words(positive)));
        out.addAll(Arrays.asList(words(negative)));
        return out.stream().distinct().toList();
    }

    /** The probe as text (stored with the scores, read back by best-of-N): header, then one line per word. */
    public String serialize() {
        StringBuilder b = new StringBuilder("alignment-probe-v1\t").append(bias).append('\t').append(l2).append('\n');
        for (Map.Entry<String, Integer> e : vocabulary.entrySet()) {
            b.append(e.getKey());
            for (int side = 0; side < 2; side++) {
                int base = (side * vocabulary.size() + e.getValue()) * PER_WORD;
                for (int k = 0; k < PER_WORD; k++) {
                    b.append('\t').append((float) weights[base + k]);
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    public static AlignmentProbe parse(String text) {
        String[] lines = text.split("\n");
        String[] head = lines[0].split("\t");
        if (!head[0].equals("alignment-probe-v1")) {
            throw new IllegalArgumentException("not a stored alignment probe: " + head[0]);
        }
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                vocabulary.put(lines[i].substring(0, lines[i].indexOf('\t')), vocabulary.size());
            }
        }
        double[] w = new double[2 * vocabulary.size() * PER_WORD];
        int row = 0;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] parts = lines[i].split("\t");
            for (int side = 0; side < 2; side++) {
                int base = (side * vocabulary.size() + row) * PER_WORD;
                for (int k = 0; k < PER_WORD; k++) {
                    w[base + k] = Double.parseDouble(parts[1 + side * PER_WORD + k]);
                }
            }
            row++;
        }
        return new AlignmentProbe(vocabulary, w, Double.parseDouble(head[1]), Double.parseDouble(head[2]));
    }
}
