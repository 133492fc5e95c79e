package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.ingest.BenchmarkData;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.ingest.ImportJob;
import dev.lrrecsys.workbench.ingest.ImportRequest;
import dev.lrrecsys.workbench.ingest.ImportResult;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.CsvBulkLoad;
import dev.lrrecsys.workbench.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * `lrw bench import`: our CSV import against H2's CSVREAD bulk load on the same synthetic ratings file,
 * then our streaming Yelp import; prints rows/second, the peak heap, and the ratio ours/CSVREAD last.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Write a synthetic ratings CSV, import it with lrw's csv importer and, into another fresh project, "
                + "with H2's CSVREAD bulk load; then import a generated Yelp review.json of the same size.",
                "Prints rows/second for each, the peak heap, and as last line `ratio ours/CSVREAD: x.xx`.",
                "Run it as `java -Xmx512m -jar lrw.jar bench import --rows 1000000` to check the memory target."})
public final class BenchImportCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "1000000", description = "Ratings rows and Yelp review lines (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Folder for the data and the three projects; kept afterwards (default: a temporary folder, removed).")
    Path work;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed of the synthetic data (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (rows < 1) {
            throw new WorkbenchException("--rows must be at least 1");
        }
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("lrw-bench-") : work.toAbsolutePath().normalize();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!temporary && Files.exists(dir) && Files.list(dir).findAny().isPresent()) {
                throw new WorkbenchException("--work " + dir + " is not empty: name a new or empty folder");
            }
            Files.createDirectories(dir);
            Path csv = dir.resolve("ratings.csv");
            long t0 = System.nanoTime();
            BenchmarkData.ratingsCsv(csv, rows, seed);
            out.printf(Locale.ROOT, "data: %d rows, %.1f MB CSV written in %.1f s%n", rows, Files.size(csv) / 1e6, seconds(t0));
            out.flush();

            double ours = timeOurs(dir.resolve("ours"), ImportRequest.of(ImportFormat.CSV, csv), "lrw import (csv)", out, err);
            double bulk = timeCsvRead(dir.resolve("csvread"), csv, out);

            Path yelp = dir.resolve("yelp");
            BenchmarkData.yelp(yelp, rows, seed);
            out.printf(Locale.ROOT, "data: %d Yelp review lines, %.1f MB review.json%n", rows, Files.size(yelp.resolve("review.json")) / 1e6);
            timeOurs(dir.resolve("yelp-project"), ImportRequest.of(ImportFormat.YELP, yelp), "lrw import (yelp, streaming)", out, err);

            out.printf(Locale.ROOT, "peak heap: %.0f MB (sum of the heap pools' peaks; max heap %.0f MB)%n",
                    peakHeapBytes() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
            out.printf(Locale.ROOT, "ratio ours/CSVREAD: %.2f%n", ours / bulk);
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
        return 0;
    }

    private double timeOurs(Path projectDir, ImportRequest request, String label, PrintWriter out, PrintWriter err) {
        try (Project p = Project.create(projectDir)) {
            long t0 = System.nanoTime();
            ImportResult r = ConsoleProgress.run(new ImportJob(p.database(), p.exportsDir(), request), err);
            double s = seconds(t0);
            double rate = r.interactions() / s;
            out.printf(Locale.ROOT, "%s: %d interactions in %.1f s = %.0f rows/s%n", label, r.interactions(), s, rate);
            out.flush();
            return rate;
        }
    }

    private double timeCsvRead(Path projectDir, Path csv, PrintWriter out) {
        try (Project p = Project.create(projectDir)) {
            long t0 = System.nanoTime();
            Database.Work<Long> bulkLoad = tx -> new CsvBulkLoad().load(tx, csv);
            long n = p.database().inTransaction(bulkLoad);
            double s = seconds(t0);
            double rate = n / s;
            out.printf(Locale.ROOT, "H2 CSVREAD bulk load: %d interactions in %.1f s = %.0f rows/s%n", n, s, rate);
            out.flush();
            return rate;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
