package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.WorkbenchException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file of every trained network: a small header (format, model id, architecture, task, table sizes, feature
 * width) and every learned array by name. The graph itself is rebuilt from the header on load, so the file does
 * not depend on SameDiff's serialisation of ops. Written to a temporary file and moved into place, so a crash
 * never leaves half a checkpoint. The format is the one LR-Recsys used first (its architecture field held the
 * variant), so its older checkpoints still load.
 */
final class ModelCheckpoint {

    /** The first format's name, kept so that older LR-Recsys checkpoints still load. */
    private static final String MAGIC = "lrw-lr-recsys";
    private static final int FORMAT = 1;

    private final String modelId;
    private final String architecture;
    private final GraphRatingModel.Shape shape;

    ModelCheckpoint(String modelId, String architecture, GraphRatingModel.Shape shape) {
        this.modelId = modelId;
        this.architecture = architecture;
        this.shape = shape;
    }

    /** What {@link #read} found. */
    record Loaded(String modelId, String architecture, GraphRatingModel.Shape shape, Map<String, INDArray> arrays) {
    }

    void write(Path file, Map<String, INDArray> arrays) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(modelId);
            out.writeUTF(architecture);
            out.writeUTF(shape.task().name());
            out.writeInt(shape.numConsumers());
            out.writeInt(shape.numProducts());
            out.writeInt(shape.explanationDim());
            out.writeInt(arrays.size());
            for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                out.writeUTF(e.getKey());
                Nd4j.write(e.getValue(), out);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Loaded read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new WorkbenchException("No model checkpoint at " + file + ".");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(readMagic(in)) || in.readInt() != FORMAT) {
                throw new WorkbenchException(file + " is not a model checkpoint of this version.");
            }
            String modelId = in.readUTF();
            String architecture = in.readUTF();
            PredictionTask task = PredictionTask.valueOf(in.readUTF());
            GraphRatingModel.Shape shape = new GraphRatingModel.Shape(task, in.readInt(), in.readInt(), in.readInt());
            int count = in.readInt();
            Map<String, INDArray> arrays = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                arrays.put(name, Nd4j.read(in));
            }
            return new Loaded(modelId, architecture, shape, arrays);
        }
    }

    private static String readMagic(DataInputStream in) {
        try {
            return in.readUTF();
        } catch (IOException e) {
            return "";
        }
    }
}
