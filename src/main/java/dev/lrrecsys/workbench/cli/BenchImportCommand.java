package dev.lrrecsys.workbench.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.ingest.BenchmarkData;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.ingest.ImportJob;
import dev.lrrecsys.workbench.ingest.ImportRequest;
import dev.lrrecsys.workbench.ingest.ImportResult;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.ImportDataset;
import dev.lrrecsys.workbench.store.CsvBulkLoad;
import dev.lrrecsys.workbench.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

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
        LiveHeapWatch watch = new LiveHeapWatch();
        watch.start();
        try {
            if (!temporary && Files.exists(dir)) {
                try (Stream<Path> present = Files.list(dir)) {
                    if (present.findAny().isPresent()) {
                        throw new WorkbenchException("--work " + dir + " is not empty: name a new or empty folder");
                    }
                }
            }
            Files.createDirectories(dir);
            Path csv = dir.resolve("ratings.csv");
            long t0 = System.nanoTime();
            BenchmarkData.ratingsCsv(csv, rows, seed);
            out.printf(Locale.ROOT, "data: %d rows, %.1f MB CSV written in %.1f s%n", rows, Files.size(csv) / 1e6, seconds(t0));
            out.flush();

            Rate ours = timeOurs(dir.resolve("ours"), ImportRequest.of(ImportFormat.CSV, csv), "lrw import (csv)", out, err);
            Rate bulk = timeCsvRead(dir.resolve("csvread"), csv, out);

            Path yelp = dir.resolve("yelp");
            BenchmarkData.yelp(yelp, rows, seed);
            out.printf(Locale.ROOT, "data: %d Yelp review lines, %.1f MB review.json%n", rows, Files.size(yelp.resolve("review.json")) / 1e6);
            timeOurs(dir.resolve("yelp-project"), ImportRequest.of(ImportFormat.YELP, yelp), "lrw import (yelp, streaming)", out, err);

            out.printf(Locale.ROOT, "peak heap: %.0f MB used before a GC at most, %.0f MB still live after a GC at most;"
                            + " max heap %.0f MB%n", watch.peakBefore.get() / 1048576.0, watch.peakAfter.get() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            out.printf(Locale.ROOT, "ratio ours/CSVREAD by CPU time: %.2f%n", ours.perCpuSecond() / bulk.perCpuSecond());
            out.printf(Locale.ROOT, "ratio ours/CSVREAD: %.2f%n", ours.perSecond() / bulk.perSecond());
        } finally {
            watch.stop();
            if (temporary) {
                deleteTree(dir);
            }
        }
        return 0;
    }

    /** Rows per wall-clock second and per second of the process's CPU time (fairer on a machine shared with other work). */
    private record Rate(double perSecond, double perCpuSecond) {
    }

    private Rate timeOurs(Path projectDir, ImportRequest request, String label, PrintWriter out, PrintWriter err)
            throws IOException {
        Rate rate;
        try (Project p = Project.create(projectDir)) {
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            ImportResult r = ConsoleProgress.run(new ImportJob(p.database(), p.exportsDir(), request), err);
            rate = report(label, r.interactions(), t0, cpu0, out);
        }
        reportSize(projectDir, request, label, out);
        return rate;
    }

    /** The project file after the import's close (which compacts a mostly dead file), then after a forced compaction. */
    private static void reportSize(Path projectDir, ImportRequest request, String label, PrintWriter out) throws IOException {
        long input = ImportDataset.inputBytes(request.paths());
        Path file = projectDir.resolve(Project.DB_FILE_NAME);
        long closed = Files.size(file);
        try (Project p = Project.open(projectDir)) {
            p.compactOnClose();
        }
        long compacted = Files.size(file);
        out.printf(Locale.ROOT, "%s: workbench.mv.db %.1f MB after the import and close = %.1f x its input (%.1f MB); "
                        + "SHUTDOWN COMPACT reaches %.1f MB (%.2f x)%n", label, closed / 1e6, closed / (double) input,
                input / 1e6, compacted / 1e6, closed / (double) compacted);
        out.flush();
    }

    private Rate timeCsvRead(Path projectDir, Path csv, PrintWriter out) {
        try (Project p = Project.create(projectDir)) {
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            Database.Work<Long> bulkLoad = tx -> new CsvBulkLoad().load(tx, csv);
            long n = p.database().inTransaction(bulkLoad);
            return report("H2 CSVREAD bulk load", n, t0, cpu0, out);
        }
    }

    private static Rate report(String label, long rows, long t0, long cpu0, PrintWriter out) {
        double s = seconds(t0);
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        Rate rate = new Rate(rows / s, rows / cpu);
        out.printf(Locale.ROOT, "%s: %d interactions in %.1f s = %.0f rows/s (%.1f s of CPU = %.0f rows per CPU second)%n",
                label, rows, s, rate.perSecond(), cpu, rate.perCpuSecond());
        out.flush();
        return rate;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * The heap in use just before each garbage collection (its high points) and just after (what is still live),
     * over the heap pools only, keeping the largest of each.
     */
    private static final class LiveHeapWatch implements NotificationListener {
        private final AtomicLong peakBefore = new AtomicLong();
        private final AtomicLong peakAfter = new AtomicLong();
        private final java.util.Set<String> heapPools = new java.util.HashSet<>();

        void start() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(this, null, null);
                }
            }
        }

        void stop() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    try {
                        emitter.removeNotificationListener(this);
                    } catch (ListenerNotFoundException e) {
                        // Never added to this collector: nothing to remove.
                    }
                }
            }
        }

        @Override
        public void handleNotification(Notification n, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            peakBefore.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
            peakAfter.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
        }

        private long heapUsed(java.util.Map<String, MemoryUsage> byPool) {
            long used = 0;
            for (var e : byPool.entrySet()) {
                if (heapPools.contains(e.getKey())) {
                    used += e.getValue().getUsed();
                }
            }
            return used;
        }
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
