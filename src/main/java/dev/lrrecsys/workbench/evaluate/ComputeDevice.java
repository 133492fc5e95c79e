package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.model.TrainingEngine;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Which ND4J backend, which engine (CPU kernel or SameDiff graph) and which processor train the models, recorded
 * with every experiment; the backend text reads e.g. "CpuBackend, CPU kernel".
 */
public record ComputeDevice(String backend, String device) {

    public static ComputeDevice detect() {
        String backend = Nd4j.getBackend().getClass().getSimpleName() + ", " + TrainingEngine.current().label();
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        Object gpus = env.get("cuda.devicesInformation");
        if (gpus instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            return new ComputeDevice(backend, String.valueOf(first.get("cuda.deviceName")));
        }
        return new ComputeDevice(backend, cpuName() + " (" + Runtime.getRuntime().availableProcessors() + " threads)");
    }

    private static String cpuName() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (var lines = Files.lines(cpuinfo)) {
                return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst().orElse(System.getProperty("os.arch"));
            } catch (IOException | java.io.UncheckedIOException e) {
                return System.getProperty("os.arch");
            }
        }
        String identifier = System.getenv("PROCESSOR_IDENTIFIER");
        return identifier != null ? identifier : System.getProperty("os.arch");
    }
}
