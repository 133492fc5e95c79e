package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.task.TaskContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The explanation autoencoder of PRODUCT.md step 3: 50 word positions x 8-dim learned word embeddings
 * (table E), flattened to 400 -> 64 -> 8 -> 64 -> 400 without biases (52,224 weights), and each
 * position's rebuilt 8-dim vector scored against the same table E to give word logits; softmax
 * cross-entropy per position, padding excluded. The 8-dim bottleneck is the explanation's code.
 * Hidden layers use tanh, the code and the rebuilt vectors are linear.
 */
public final class ExplanationAutoencoder {

    public static final int POSITIONS = 50;
    public static final int WORD_DIM = 8;
    public static final int HIDDEN = 64;
    public static final int CODE_DIM = 8;
    private static final int FLAT = POSITIONS * WORD_DIM;
    private static final List<String> WEIGHTS = List.of("w1", "w2", "w3", "w4");
    private static final String TABLE = "wordEmbedding";
    private static final String ROWS = "inputRows";
    private static final String LABELS = "labels";
    private static final String MASK = "mask";
    private static final String CODE = "code";
    private static final String PREDICTED = "predicted";
    private static final String LOSS = "loss";
    private static final int INFERENCE_BATCH = 512;
    private static final String MAGIC = "lrw-autoencoder";

    private final ExplanationVocabulary vocabulary;
    private final SameDiff graph;
    private final List<String> gradientNames = new ArrayList<>();
    private final Map<String, GradientUpdater<?>> updaters = new HashMap<>();
    private int iteration;

    /** An untrained autoencoder over this vocabulary, initialised from {@code seed}. */
    public ExplanationAutoencoder(ExplanationVocabulary vocabulary, long seed) {
        Nd4jThreads.apply();
        this.vocabulary = vocabulary;
        this.graph = define(vocabulary.size(), new ParameterInit(seed));
        gradientNames.addAll(WEIGHTS);
        gradientNames.add(TABLE);
        gradientNames.add(ROWS);
        graph.createGradFunction();
    }

    private static SameDiff define(int vocabularySize, ParameterInit init) {
        SameDiff sd = SameDiff.create();
        SDVariable labels = sd.placeHolder(LABELS, DataType.INT, -1);
        SDVariable mask = sd.placeHolder(MASK, DataType.FLOAT, -1);
        SDVariable table = sd.var(TABLE, init.normal(vocabularySize, WORD_DIM, 0.1));
        // Input words are looked up outside the graph (see EmbeddingTable for why) into this variable.
        SDVariable rows = sd.var(ROWS, ParameterInit.zeros(POSITIONS, WORD_DIM));
        SDVariable flat = rows.reshape(-1, FLAT);
        SDVariable h1 = sd.math().tanh(flat.mmul(sd.var("w1", init.glorot(FLAT, HIDDEN))));
        SDVariable code = h1.mmul(CODE, sd.var("w2", init.glorot(HIDDEN, CODE_DIM)));
        SDVariable h3 = sd.math().tanh(code.mmul(sd.var("w3", init.glorot(CODE_DIM, HIDDEN))));
        SDVariable rebuilt = h3.mmul(sd.var("w4", init.glorot(HIDDEN, FLAT))).reshape(-1, WORD_DIM);
        SDVariable logits = sd.mmul(rebuilt, table, false, true, false);
        sd.argmax(PREDICTED, logits, 1);
        SDVariable perPosition = sd.loss().sparseSoftmaxCrossEntropy(logits, labels);
        perPosition.mul(mask).sum().div(mask.sum().add(1e-6)).rename(LOSS);
        sd.setLossVariables(LOSS);
        return sd;
    }

    public ExplanationVocabulary vocabulary() {
        return vocabulary;
    }

    /** The four weight matrices: 400*64 + 64*8 + 8*64 + 64*400 = 52,224 (the paper's count). */
    public long weightCount() {
        return WEIGHTS.stream().mapToLong(w -> graph.getVariable(w).getArr().length()).sum();
    }

    /** Weights plus the word-embedding table (vocabulary size x 8). */
    public long parameterCount() {
        return weightCount() + graph.getVariable(TABLE).getArr().length();
    }

    /**
     * Trains on the (training-split) sentences; reports each epoch's mean loss and the token accuracy
     * of the epoch's last batch as the listener's metric. Checks for cancel once per batch.
     */
    public void fit(List<String> sentences, AutoencoderSettings settings, EpochListener listener, TaskContext context) {
        if (sentences.isEmpty()) {
            throw new WorkbenchException("The explanation autoencoder needs training explanations; there are none.");
        }
        IUpdater updater = settings.optimizer().updater(settings.learningRate());
        Encoded all = new Encoded(sentences);
        int n = sentences.size();
        int batchSize = Math.min(settings.batchSize(), n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random shuffle = new Random(settings.seed());
        Batch full = new Batch(batchSize);
        Batch rest = n % batchSize == 0 ? null : new Batch(n % batchSize);
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double lossSum = 0;
            for (int from = 0; from < n; from += batchSize) {
                context.checkCancelled();
                Batch b = n - from >= batchSize ? full : rest;
                b.fill(all, order, from);
                double loss = step(b, updater, epoch);
                if (!Double.isFinite(loss)) {
                    throw new WorkbenchException("Training the explanation autoencoder stopped: the loss became "
                            + "not finite at epoch " + (epoch + 1) + " (learning rate " + settings.learningRate()
                            + " too high for " + settings.optimizer() + ").");
                }
                lossSum += loss * b.size;
            }
            listener.epochFinished(epoch + 1, lossSum / n, Double.NaN);
        }
    }

    private double step(Batch b, IUpdater updater, int epoch) {
        bind(b);
        OutAndGrad result = graph.calculateGradientsAndOutputs(b.placeholders, List.of(LOSS), gradientNames);
        double loss = result.getOutputs().get(LOSS).getDouble(0);
        if (!Double.isFinite(loss)) {
            return loss;
        }
        Map<String, INDArray> g = result.getGradients();
        // The table is used twice: by the input lookup (outside the graph) and by the output logits.
        INDArray tableGradient = g.get(TABLE);
        Nd4j.exec(DynamicCustomOp.builder("scatter_add").addInputs(tableGradient, b.ids, g.get(ROWS))
                .addOutputs(tableGradient).addBooleanArguments(true, false).callInplace(true).build());
        for (String name : gradientNames) {
            if (name.equals(ROWS)) {
                continue;
            }
            INDArray grad = g.get(name);
            updaters.computeIfAbsent(name, k -> updater.instantiate(
                    Nd4j.zeros(grad.dataType(), 1, updater.stateSize(grad.length())), true))
                    .applyUpdater(grad, iteration, epoch);
            graph.getVariable(name).getArr().subi(grad);
        }
        iteration++;
        return loss;
    }

    /** Fraction of non-padding positions whose word is rebuilt exactly (unknown words count as &lt;unk&gt;). */
    public double tokenAccuracy(List<String> sentences) {
        if (sentences.isEmpty()) {
            return Double.NaN;
        }
        Encoded all = new Encoded(sentences);
        long correct = 0;
        long total = 0;
        for (InferenceBatches it = new InferenceBatches(all); it.hasNext(); ) {
            Batch b = it.next();
            int[] predicted = graph.output(b.placeholders, PREDICTED).get(PREDICTED).toIntVector();
            int[] labels = b.ids.toIntVector();
            float[] mask = b.mask.toFloatVector();
            for (int i = 0; i < predicted.length; i++) {
                if (mask[i] > 0) {
                    total++;
                    if (predicted[i] == labels[i]) {
                        correct++;
                    }
                }
            }
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** The 8-dim codes of the sentences, n*8 values in order. */
    public float[] encode(List<String> sentences) {
        float[] out = new float[sentences.size() * CODE_DIM];
        if (sentences.isEmpty()) {
            return out;
        }
        Encoded all = new Encoded(sentences);
        int at = 0;
        for (InferenceBatches it = new InferenceBatches(all); it.hasNext(); ) {
            Batch b = it.next();
            float[] codes = graph.output(b.placeholders, CODE).get(CODE).reshape((long) b.size * CODE_DIM).toFloatVector();
            System.arraycopy(codes, 0, out, at, codes.length);
            at += codes.length;
        }
        return out;
    }

    private void bind(Batch b) {
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(graph.getVariable(TABLE).getArr(), b.ids)
                .addOutputs(b.rows).addIntegerArguments(0).build());
        SDVariable v = graph.getVariable(ROWS);
        if (v.getArr() != b.rows) {
            v.setArray(b.rows);
        }
    }

    /** Writes vocabulary and weights (not the optimizer state) to {@code file}, atomically. */
    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeUTF(MAGIC);
            out.writeInt(vocabulary.size());
            for (String w : vocabulary.words()) {
                out.writeUTF(w);
            }
            for (String name : parameterNames()) {
                out.writeUTF(name);
                Nd4j.write(graph.getVariable(name).getArr(), out);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads an autoencoder written by {@link #save}. */
    public static ExplanationAutoencoder load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new WorkbenchException(file + " is not an explanation autoencoder.");
            }
            int size = in.readInt();
            List<String> words = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                words.add(in.readUTF());
            }
            ExplanationAutoencoder ae = new ExplanationAutoencoder(new ExplanationVocabulary(words), 0);
            for (String expected : ae.parameterNames()) {
                String name = in.readUTF();
                if (!name.equals(expected)) {
                    throw new WorkbenchException(file + " is damaged: found " + name + " where " + expected + " belongs.");
                }
                ae.graph.getVariable(name).getArr().assign(Nd4j.read(in));
            }
            return ae;
        }
    }

    private List<String> parameterNames() {
        List<String> names = new ArrayList<>(WEIGHTS);
        names.add(TABLE);
        return names;
    }

    /** Word ids and masks of a list of sentences, computed once. */
    private final class Encoded {
        final int[] ids;
        final float[] mask;
        final int size;

        Encoded(List<String> sentences) {
            size = sentences.size();
            ids = new int[size * POSITIONS];
            mask = new float[size * POSITIONS];
            for (int s = 0; s < size; s++) {
                int[] e = vocabulary.encode(sentences.get(s), POSITIONS);
                System.arraycopy(e, 0, ids, s * POSITIONS, POSITIONS);
                for (int p = 0; p < POSITIONS; p++) {
                    mask[s * POSITIONS + p] = e[p] == ExplanationVocabulary.PAD ? 0f : 1f;
                }
            }
        }
    }

    /** Reusable arrays of one batch size. */
    private static final class Batch {
        final int size;
        final INDArray ids;
        final INDArray mask;
        final INDArray rows;
        final Map<String, INDArray> placeholders = new LinkedHashMap<>();

        Batch(int size) {
            this.size = size;
            ids = Nd4j.create(DataType.INT, (long) size * POSITIONS);
            mask = Nd4j.create(DataType.FLOAT, (long) size * POSITIONS);
            rows = Nd4j.create(DataType.FLOAT, (long) size * POSITIONS, WORD_DIM);
            placeholders.put(LABELS, ids);
            placeholders.put(MASK, mask);
        }

        void fill(Encoded e, int[] order, int from) {
            java.nio.IntBuffer idBuffer = ids.data().asNioInt();
            java.nio.FloatBuffer maskBuffer = mask.data().asNioFloat();
            for (int i = 0; i < size; i++) {
                int s = order[from + i];
                idBuffer.put(i * POSITIONS, e.ids, s * POSITIONS, POSITIONS);
                maskBuffer.put(i * POSITIONS, e.mask, s * POSITIONS, POSITIONS);
            }
        }
    }

    /** Batches of all sentences in order, bound to the graph, for inference. */
    private final class InferenceBatches {
        private final Encoded all;
        private final int[] order;
        private final Batch full;
        private final Batch rest;
        private int from;

        InferenceBatches(Encoded all) {
            this.all = all;
            this.order = new int[all.size];
            for (int i = 0; i < all.size; i++) {
                order[i] = i;
            }
            full = all.size >= INFERENCE_BATCH ? new Batch(INFERENCE_BATCH) : null;
            rest = all.size % INFERENCE_BATCH == 0 ? null : new Batch(all.size % INFERENCE_BATCH);
        }

        boolean hasNext() {
            return from < all.size;
        }

        Batch next() {
            Batch b = all.size - from >= INFERENCE_BATCH ? full : rest;
            b.fill(all, order, from);
            from += b.size;
            bind(b);
            return b;
        }
    }
}
