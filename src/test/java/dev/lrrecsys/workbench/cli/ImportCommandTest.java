package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.project.ProjectHolder;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `lrw project create`, `lrw import` and `lrw info` as a user runs them, including the failures they print. */
class ImportCommandTest {

    @TempDir
    Path tmp;

    /** One command line: exit code, stdout, stderr. */
    private record Run(int exit, String out, String err) {
    }

    private static Run lrw(String... args) {
        CommandLine cl = LrwCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void createImportInfoOnTheUciData() {
        String dir = tmp.resolve("x").toString();
        assertThat(lrw("project", "create", dir).exit()).isZero();

        Run imported = lrw("import", "--project", dir, "--format", "restaurant-consumer", "sample-projects/restaurant-consumer/data");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("imported: 138 consumers, 130 products, 1161 interactions\n"
                + "note: skipped 808 restaurants that have no name and no rating");

        Run info = lrw("info", "--project", dir);
        assertThat(info.exit()).isZero();
        assertThat(info.out().lines()).contains("consumers: 138", "products: 130", "interactions: 1161", "dataset: restaurant-consumer",
                "format: restaurant-consumer", "domain: restaurant", "rating scale: 0..2 (high >= 1.2)", "time order: file order");
        assertThat(info.out().lines().map(l -> l.substring(0, l.indexOf(':'))))
                .contains("project", "dataset", "format", "domain", "rating scale", "time order", "consumers", "products", "interactions");
    }

    @Test
    void infoOnAnEmptyProject() {
        String dir = tmp.resolve("empty").toString();
        lrw("project", "create", dir);
        Run info = lrw("info", "--project", dir);
        assertThat(info.out().lines()).contains("dataset: (none: import one with `lrw import`)", "consumers: 0", "products: 0", "interactions: 0");
    }

    @Test
    void badRowsFailTheImportWithOneLineAndExitCode1() throws Exception {
        String dir = tmp.resolve("p").toString();
        lrw("project", "create", dir);
        Path csv = tmp.resolve("ratings.csv");
        Files.writeString(csv, "consumer,product,rating\nu1,p1,4\nu2,p2,9\n");

        Run r = lrw("import", "--project", dir, "--format", "csv", csv.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).endsWith("error: ratings.csv line 3: rating 9 is outside the scale 1..5\n");
        assertThat(lrw("info", "--project", dir).out()).contains("interactions: 0");
    }

    @Test
    void skipBadRowsPrintsWhereTheRejectsAre() throws Exception {
        String dir = tmp.resolve("p").toString();
        lrw("project", "create", dir);
        Path csv = tmp.resolve("ratings.csv");
        Files.writeString(csv, "consumer,product,rating\nu1,p1,4\nu2,p2,9\n");

        Run r = lrw("import", "--project", dir, "--format", "csv", "--skip-bad-rows", csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("imported: 1 consumers, 1 products, 1 interactions\n");
        assertThat(r.out()).containsPattern("rejected: 1 rows, listed in .*exports.rejects-\\d{8}-\\d{6}\\.csv\n");
    }

    @org.junit.jupiter.api.Tag("slow")
    @Test
    void importingIntoAProjectHeldByAnotherProcessSaysSoAndChangesNothing() throws Exception {
        Path dir = tmp.resolve("held").toAbsolutePath().normalize();
        Map<String, String> before;
        try (Project p = Project.create(dir)) {
            before = DatabaseSnapshot.of(p.database());
        }
        Process holder = ProjectHolder.start(dir);
        Run r;
        try {
            r = lrw("import", "--project", dir.toString(), "--format", "restaurant-consumer", "sample-projects/restaurant-consumer/data");
        } finally {
            ProjectHolder.stop(holder);
        }
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: The project " + dir + " is open in another process (its database file is locked): "
                + "close the other workbench window or wait for the other command to finish, then try again.\n");
        try (Project p = Project.open(dir)) {
            assertThat(DatabaseSnapshot.of(p.database())).isEqualTo(before);
        }
    }

    @Test
    void unknownFormatIsNamed() {
        String dir = tmp.resolve("p").toString();
        lrw("project", "create", dir);
        Run r = lrw("import", "--project", dir, "--format", "parquet", "x.parquet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: unknown format 'parquet': use one of restaurant-consumer, yelp, amazon, movielens, csv\n");
    }
}
