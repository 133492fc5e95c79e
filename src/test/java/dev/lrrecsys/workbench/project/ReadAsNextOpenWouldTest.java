package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.store.RowCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a project file back after a failed commit (issue 15 point 1), without writing to its disk: what was
 * committed is there, what was not is not, and the folder is left byte for byte. (A file whose commit H2 must finish
 * first, read from a copy in memory, arises only from a real full disk: ImportCommitOnFullDiskTest.)
 */
class ReadAsNextOpenWouldTest {

    @TempDir
    Path tmp;

    private static String url(Path dir, String options) {
        return "jdbc:h2:file:" + dir.resolve(Project.DB_BASE_NAME) + ";" + options;
    }

    private static Map<String, Long> readBack(Path dir) {
        return ProjectDatabase.readAsNextOpenWould(dir, tx -> new RowCounts().read(tx));
    }

    private static String listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName() + ":" + f.toFile().length() + ":" + f.toFile().lastModified())
                    .sorted().toList().toString();
        }
    }

    @Test
    void aFileCopiedWhileATransactionWasOpenReadsBackWithOnlyWhatWasCommittedAndNothingIsWritten() throws Exception {
        Path live = tmp.resolve("live");
        Project.create(live).close();
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        // One interaction committed, a second one written to the file by a checkpoint but never committed: the copy taken
        // then is what a process that died (or a store that closed itself on a full disk) leaves behind.
        try (Connection committed = DriverManager.getConnection(url(live, "FILE_LOCK=FILE"), "lrw", "");
             Connection open = DriverManager.getConnection(url(live, "FILE_LOCK=FILE"), "lrw", "")) {
            try (Statement s = committed.createStatement()) {
                s.execute("INSERT INTO consumer (id, external_id) VALUES (1, 'u1')");
                s.execute("INSERT INTO product (id, external_id, name) VALUES (1, 'p1', 'P1')");
                s.execute("INSERT INTO interaction (id, consumer_id, product_id, rating) VALUES (1, 1, 1, 4)");
            }
            open.setAutoCommit(false);
            try (Statement s = open.createStatement()) {
                s.execute("INSERT INTO interaction (id, consumer_id, product_id, rating) VALUES (2, 1, 1, 2)");
            }
            try (Statement s = committed.createStatement()) {
                s.execute("CHECKPOINT");
            }
            Files.copy(live.resolve(Project.DB_FILE_NAME), copy.resolve(Project.DB_FILE_NAME));
            open.rollback();
        }
        String before = listing(copy);
        byte[] bytes = Files.readAllBytes(copy.resolve(Project.DB_FILE_NAME));

        assertThat(readBack(copy)).containsEntry("interactions", 1L);

        assertThat(listing(copy)).isEqualTo(before);
        assertThat(Files.readAllBytes(copy.resolve(Project.DB_FILE_NAME))).isEqualTo(bytes);
    }

    @Test
    void aFileWithoutUnfinishedTransactionsIsReadInPlaceAndLeftAsItWas() throws Exception {
        Path dir = tmp.resolve("p");
        Project.create(dir).close();
        String before = listing(dir);

        assertThat(readBack(dir)).containsEntry("interactions", 0L);

        assertThat(listing(dir)).isEqualTo(before);
    }
}
