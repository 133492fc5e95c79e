package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExperimentFixture;
import dev.lrrecsys.workbench.task.TaskContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small project trained for real (explanation autoencoder, then one lr-recsys, one mf and one shuffled run, one epoch each), built
 * once per test JVM and copied for each test that needs it, so that case tests read real checkpoints quickly.
 */
public final class TrainedCaseProject {

    private static Path built;

    private TrainedCaseProject() {
    }

    /** A fresh closed copy of the trained project in {@code tmp}. */
    public static synchronized Path copyTo(Path tmp) {
        try {
            if (built == null) {
                Path dir = Files.createTempDirectory("lrw-case-fixture");
                try (Project p = Project.create(dir.resolve("trained"))) {
                    new ExperimentFixture().write(p.database(), 12, 10, 9, 3, 0, Double.NaN);
                    TrainAndEvaluate.job(p, new TrainAndEvaluate.Settings(PredictionTask.REGRESSION, List.of("lr-recsys", "mf", "shuffled"),
                            1, 1, 0.1, 0, 1, 32, 0.01, 42, List.of(1.0), "offline", null, false)).run(TaskContext.silent());
                }
                built = dir.resolve("trained");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            }
            Path copy = tmp.resolve("trained-" + System.nanoTime());
            try (Stream<Path> files = Files.walk(built)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path to = copy.resolve(built.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else if (!f.getFileName().toString().endsWith(".lock.db")) {
                        Files.copy(f, to);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot train the case fixture", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
