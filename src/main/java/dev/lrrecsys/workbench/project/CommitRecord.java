package dev.lrrecsys.workbench.project;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a project's database held when it was last closed ({@code workbench.state} beside it): the row counts of
 * the tables that only grow, and when. Opening compares the database with it, so a truncated, replaced or emptied
 * file is refused instead of being opened with data missing (and then written on top of).
 *
 * @param counts   table -> rows, as {@link dev.lrrecsys.workbench.store.RowCounts} reads them
 * @param closedAt when the project was last closed
 * @param open     true from an open until the close: still true at the next open means the last session ended
 *                 without closing (killed, crashed), so H2 recovered the file on this open
 */
public record CommitRecord(Map<String, Long> counts, String closedAt, boolean open) {

    public static final String FILE_NAME = "workbench.state";
    private static final String COUNT_PREFIX = "count.";

    /** The record of the folder's last close, if it has one (projects from earlier versions have none). */
    public static Optional<CommitRecord> read(Path projectDir) throws IOException {
        Path file = projectDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(COUNT_PREFIX)) {
                counts.put(key.substring(COUNT_PREFIX.length()), Long.parseLong(p.getProperty(key).trim()));
            }
        }
        return Optional.of(new CommitRecord(counts, p.getProperty("closed.at", ""),
                Boolean.parseBoolean(p.getProperty("open", "false"))));
    }

    /** The record of a clean close now, with what the database holds. */
    public static void writeClosed(Path projectDir, Map<String, Long> counts) throws IOException {
        write(projectDir, new CommitRecord(counts, OffsetDateTime.now().toString(), false));
    }

    /** Marks the project open (the counts and time of the last close stay as they were). */
    public static void writeOpen(Path projectDir, CommitRecord last) throws IOException {
        write(projectDir, new CommitRecord(last.counts(), last.closedAt(), true));
    }

    /** Writes the record whole or not at all (a temporary file moved over the old one). */
    private static void write(Path projectDir, CommitRecord record) throws IOException {
        Properties p = new Properties();
        record.counts().forEach((table, n) -> p.setProperty(COUNT_PREFIX + table, Long.toString(n)));
        p.setProperty("closed.at", record.closedAt());
        p.setProperty("open", Boolean.toString(record.open()));
        Path tmp = projectDir.resolve(FILE_NAME + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "What workbench.mv.db held when the project was last closed; checked when it is opened.");
        }
        WholeFile.replace(tmp, projectDir.resolve(FILE_NAME));
    }

    /** The first table that holds fewer rows now than in this record, as "explanations: 10000 of 38000"; else empty. */
    public Optional<String> firstShortfall(Map<String, Long> now) {
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            long current = now.getOrDefault(e.getKey(), 0L);
            if (current < e.getValue()) {
                return Optional.of(e.getKey() + ": " + current + " of " + e.getValue());
            }
        }
        return Optional.empty();
    }
}
