package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.task.TaskContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The explanation autoencoder of PRODUCT.md step 3: 50 word positions x 8-dim learned word embeddings
 * (table E), flattened to 400 -> 64 -> 8 -> 64 -> 400 without biases (52,224 weights), and each
 * position's rebuilt 8-dim vector scored against the same table E to give word logits; softmax
 * cross-entropy per position, padding excluded. The 8-dim bottleneck is the explanation's code.
 * Hidden layers use tanh, the code and the rebuilt vectors are linear. Forward and backward passes are
 * written out as a dozen native matrix calls per batch (no graph interpreter between them: its per-op
 * bookkeeping cost many times the arithmetic of so small a network).
 */
public final class ExplanationAutoencoder {

    public static final int POSITIONS = 50;
    public static final int WORD_DIM = 8;
    public static final int HIDDEN = 64;
    public static final int CODE_DIM = 8;
    private static final int FLAT = POSITIONS * WORD_DIM;
    private static final List<String> WEIGHTS = List.of("w1", "w2", "w3", "w4");
    private static final String TABLE = "wordEmbedding";
    private static final int INFERENCE_BATCH = 512;
    private static final String MAGIC = "lrw-autoencoder";
    /**
     * Every array a batch creates (activations, gradients, masks) lives in this workspace and its memory is reused
     * by the next batch. Without it each batch's arrays stayed allocated off-heap until the garbage collector
     * happened to collect their small Java wrappers: on a 30k-interaction world resident memory grew to 11-12 GB at
     * -Xmx3g (issue "Honest gains", point 7).
     */
    private static final String WORKSPACE = "lrw-autoencoder-batch";
    private static final WorkspaceConfiguration BATCH_MEMORY = WorkspaceConfiguration.builder()
            .initialSize(0).overallocationLimit(0.2)
            .policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE).build();

    private final ExplanationVocabulary vocabulary;
    /** w1 (400x64), w2 (64x8), w3 (8x64), w4 (64x400) and the word table (vocabulary x 8), in save order. */
    private final Map<String, INDArray> parameters = new LinkedHashMap<>();
    private final Map<String, GradientUpdater<?>> updaters = new HashMap<>();
    private int iteration;
    private double weightDecay;
    private double dropout;
    private long dropoutSeed;

    /** An untrained autoencoder over this vocabulary, initialised from {@code seed}. */
    public ExplanationAutoencoder(ExplanationVocabulary vocabulary, long seed) {
        Nd4jThreads.apply();
        this.vocabulary = vocabulary;
        ParameterInit init = new ParameterInit(seed);
        // Drawn in the same order as before the hand-written passes, so a seed gives the same initial weights.
        INDArray table = init.normal(vocabulary.size(), WORD_DIM, 0.1);
        parameters.put("w1", init.glorot(FLAT, HIDDEN));
        parameters.put("w2", init.glorot(HIDDEN, CODE_DIM));
        parameters.put("w3", init.glorot(CODE_DIM, HIDDEN));
        parameters.put("w4", init.glorot(HIDDEN, FLAT));
        parameters.put(TABLE, table);
    }

    /**
     * The activations of one forward pass, kept for the backward pass: {@code h1} and {@code h3} are the tanh
     * outputs, {@code h1Out} and {@code h3Out} the same after dropout ({@code keep1}, {@code keep3}: the factors;
     * without dropout the same arrays and null).
     */
    private record Forward(INDArray flat, INDArray h1, INDArray h1Out, INDArray keep1, INDArray code, INDArray h3,
                           INDArray h3Out, INDArray keep3, INDArray rebuilt) {
    }

    /** {@code dropoutKey} null: no dropout (inference). */
    private Forward forward(Batch b, boolean toOutput, Long dropoutKey) {
        INDArray table = parameters.get(TABLE);
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(table, b.ids)
                .addOutputs(b.rows).addIntegerArguments(0).build());
        INDArray flat = b.rows.reshape(b.size, FLAT);
        INDArray h1 = Transforms.tanh(flat.mmul(parameters.get("w1")), false);
        INDArray keep1 = dropoutKey == null ? null : keep(b.size, dropoutKey, 0);
        INDArray h1Out = keep1 == null ? h1 : h1.mul(keep1);
        INDArray code = h1Out.mmul(parameters.get("w2"));
        if (!toOutput) {
            return new Forward(flat, h1, h1Out, keep1, code, null, null, null, null);
        }
        INDArray h3 = Transforms.tanh(code.mmul(parameters.get("w3")), false);
        INDArray keep3 = dropoutKey == null ? null : keep(b.size, dropoutKey, HIDDEN);
        INDArray h3Out = keep3 == null ? h3 : h3.mul(keep3);
        INDArray rebuilt = h3Out.mmul(parameters.get("w4")).reshape((long) b.size * POSITIONS, WORD_DIM);
        return new Forward(flat, h1, h1Out, keep1, code, h3, h3Out, keep3, rebuilt);
    }

    /** Dropout factors of one hidden layer ([size, 64]; units numbered from {@code firstUnit} in the mask hash). */
    private INDArray keep(int size, long key, int firstUnit) {
        float[] factors = new float[size * HIDDEN];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < HIDDEN; j++) {
                factors[i * HIDDEN + j] = Regularisation.keep(key, i, firstUnit + j, dropout);
            }
        }
        return Nd4j.createFromArray(factors).reshape(size, HIDDEN);
    }

    private INDArray logits(Forward f) {
        return f.rebuilt().mmul(parameters.get(TABLE).transpose());
    }

    public ExplanationVocabulary vocabulary() {
        return vocabulary;
    }

    /** The four weight matrices: 400*64 + 64*8 + 8*64 + 64*400 = 52,224 (the paper's count). */
    public long weightCount() {
        return WEIGHTS.stream().mapToLong(w -> parameters.get(w).length()).sum();
    }

    /** Weights plus the word-embedding table (vocabulary size x 8). */
    public long parameterCount() {
        return weightCount() + parameters.get(TABLE).length();
    }

    /**
     * Trains on the (training-split) sentences in the {@link EpochLoop}; reports each epoch's mean loss (there is
     * no validation metric: NaN). Checks for cancel once per batch.
     */
    public void fit(List<String> sentences, AutoencoderSettings settings, EpochListener listener, TaskContext context) {
        if (sentences.isEmpty()) {
            throw new WorkbenchException("The explanation autoencoder needs training explanations; there are none.");
        }
        IUpdater updater = settings.optimizer().updater(settings.learningRate());
        weightDecay = settings.weightDecay();
        dropout = settings.dropout();
        dropoutSeed = settings.seed();
        Encoded all = new Encoded(sentences);
        int n = sentences.size();
        int batchSize = Math.min(settings.batchSize(), n);
        Batch full = new Batch(batchSize);
        Batch rest = n % batchSize == 0 ? null : new Batch(n % batchSize);
        new EpochLoop("the explanation autoencoder", settings.epochs(), batchSize, settings.seed(),
                settings.learningRate(), false).run(new EpochLoop.InPlace(() -> parameters) {
                    @Override
                    public double step(int[] order, int from, int size) {
                        Batch b = size == batchSize ? full : rest;
                        b.fill(all, order, from);
                        try (MemoryWorkspace ignored = batchMemory()) {
                            return ExplanationAutoencoder.this.step(b, updater);
                        }
                    }
                }, n, () -> Double.NaN, EpochLoop.Stopping.NEVER, listener, context);
        releaseBatchMemory();
    }

    /** Opens the batch workspace on this thread: arrays created until it closes reuse its memory. */
    private static MemoryWorkspace batchMemory() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(BATCH_MEMORY, WORKSPACE);
    }

    /** Frees the batch workspace of this thread (training and inference keep it between their batches only). */
    private static void releaseBatchMemory() {
        if (Nd4j.getWorkspaceManager().checkIfWorkspaceExists(WORKSPACE)) {
            Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(BATCH_MEMORY, WORKSPACE).destroyWorkspace(true);
        }
    }

    private double step(Batch b, IUpdater updater) {
        Map<String, INDArray> g = new LinkedHashMap<>();
        double loss = lossAndGradients(b, g, dropout > 0 ? Regularisation.stepKey(dropoutSeed, iteration) : null);
        if (!Double.isFinite(loss)) {
            return loss;
        }
        for (Map.Entry<String, INDArray> e : g.entrySet()) {
            INDArray gradient = e.getValue();
            if (weightDecay > 0) {
                gradient.addi(parameters.get(e.getKey()).mul(weightDecay));
            }
            GradientUpdater<?> state = updaters.get(e.getKey());
            if (state == null) {
                // The optimiser's state outlives the batch: it must not live in the batch workspace.
                try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                    state = UpdaterState.create(updater, gradient.dataType(), gradient.length());
                }
                updaters.put(e.getKey(), state);
            }
            state.applyUpdater(gradient, iteration, 0);
            parameters.get(e.getKey()).subi(gradient);
        }
        iteration++;
        return loss;
    }

    /** The mean loss over the batch's words; fills {@code g} with every parameter's gradient when it is finite. */
    private double lossAndGradients(Batch b, Map<String, INDArray> g, Long dropoutKey) {
        Forward f = forward(b, true, dropoutKey);
        INDArray table = parameters.get(TABLE);
        // Softmax in place, then the cross-entropy gradient (p - onehot) * mask / (number of words), row by row.
        INDArray grad = Transforms.softmax(logits(f), false);
        int vocab = vocabulary.size();
        FloatBuffer p = grad.data().asNioFloat();
        double words = 1e-6;
        for (float m : b.maskValues) {
            words += m;
        }
        double loss = 0;
        for (int r = 0; r < b.labelValues.length; r++) {
            if (b.maskValues[r] > 0) {
                int at = r * vocab + b.labelValues[r];
                loss -= Math.log(Math.max(p.get(at), 1e-30f));
                p.put(at, p.get(at) - 1f);
            }
        }
        loss /= words;
        if (!Double.isFinite(loss)) {
            return loss;
        }
        grad.muliColumnVector(b.mask.reshape(b.labelValues.length, 1).div(words));

        INDArray dRebuilt = grad.mmul(table).reshape(b.size, FLAT);
        INDArray tableGradient = grad.transpose().mmul(f.rebuilt());
        g.put("w4", f.h3Out().transpose().mmul(dRebuilt));
        INDArray dA3 = dropped(dRebuilt.mmul(parameters.get("w4").transpose()), f.keep3()).muli(tanhSlope(f.h3()));
        g.put("w3", f.code().transpose().mmul(dA3));
        INDArray dCode = dA3.mmul(parameters.get("w3").transpose());
        g.put("w2", f.h1Out().transpose().mmul(dCode));
        INDArray dA1 = dropped(dCode.mmul(parameters.get("w2").transpose()), f.keep1()).muli(tanhSlope(f.h1()));
        g.put("w1", f.flat().transpose().mmul(dA1));
        // The table is used twice: by the input lookup and by the output logits.
        INDArray dRows = dA1.mmul(parameters.get("w1").transpose()).reshape((long) b.size * POSITIONS, WORD_DIM);
        Nd4j.exec(DynamicCustomOp.builder("scatter_add").addInputs(tableGradient, b.ids, dRows)
                .addOutputs(tableGradient).addBooleanArguments(true, false).callInplace(true).build());
        g.put(TABLE, tableGradient);
        return loss;
    }

    /** The gradient of a dropped-out layer's input: its output's gradient times the dropout factors. */
    private static INDArray dropped(INDArray gradient, INDArray keep) {
        return keep == null ? gradient : gradient.muli(keep);
    }

    /** Loss and gradients of all the sentences as one batch, for the gradient check in the tests. */
    double lossAndGradients(List<String> sentences, Map<String, INDArray> gradients) {
        Encoded all = new Encoded(sentences);
        Batch b = new Batch(all.size);
        int[] order = new int[all.size];
        java.util.Arrays.setAll(order, i -> i);
        b.fill(all, order, 0);
        return lossAndGradients(b, gradients, null);
    }

    /** The parameter arrays themselves (w1..w4 and the word table), for the gradient check in the tests. */
    Map<String, INDArray> parameters() {
        return parameters;
    }

    /** d tanh(a) / da = 1 - tanh(a)^2, from the stored activation. */
    private static INDArray tanhSlope(INDArray activation) {
        return activation.mul(activation).rsubi(1.0);
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
            long[] predicted;
            try (MemoryWorkspace ignored = batchMemory()) {
                predicted = Nd4j.argMax(logits(forward(b, true, null)), 1).toLongVector();
            }
            for (int i = 0; i < predicted.length; i++) {
                if (b.maskValues[i] > 0) {
                    total++;
                    if (predicted[i] == b.labelValues[i]) {
                        correct++;
                    }
                }
            }
        }
        releaseBatchMemory();
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
            float[] codes;
            try (MemoryWorkspace ignored = batchMemory()) {
                codes = forward(b, false, null).code().reshape((long) b.size * CODE_DIM).toFloatVector();
            }
            System.arraycopy(codes, 0, out, at, codes.length);
            at += codes.length;
        }
        releaseBatchMemory();
        return out;
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
            for (Map.Entry<String, INDArray> p : parameters.entrySet()) {
                out.writeUTF(p.getKey());
                Nd4j.write(p.getValue(), out);
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
            for (Map.Entry<String, INDArray> expected : ae.parameters.entrySet()) {
                String name = in.readUTF();
                if (!name.equals(expected.getKey())) {
                    throw new WorkbenchException(file + " is damaged: found " + name + " where " + expected.getKey()
                            + " belongs.");
                }
                expected.getValue().assign(Nd4j.read(in));
            }
            return ae;
        }
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
        final int[] labelValues;
        final float[] maskValues;

        Batch(int size) {
            this.size = size;
            ids = Nd4j.create(DataType.INT, (long) size * POSITIONS);
            mask = Nd4j.create(DataType.FLOAT, (long) size * POSITIONS);
            rows = Nd4j.create(DataType.FLOAT, (long) size * POSITIONS, WORD_DIM);
            labelValues = new int[size * POSITIONS];
            maskValues = new float[size * POSITIONS];
        }

        void fill(Encoded e, int[] order, int from) {
            for (int i = 0; i < size; i++) {
                int s = order[from + i];
                System.arraycopy(e.ids, s * POSITIONS, labelValues, i * POSITIONS, POSITIONS);
                System.arraycopy(e.mask, s * POSITIONS, maskValues, i * POSITIONS, POSITIONS);
            }
            ids.data().asNioInt().put(0, labelValues);
            mask.data().asNioFloat().put(0, maskValues);
        }
    }

    /** Batches of all sentences in order, for inference. */
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
            return b;
        }
    }
}
