package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two rows of the same consumer, product and time (issue 15 point 7): refused by default in every format with
 * both lines named and nothing stored; merged into one row with --duplicates keep-last or mean.
 */
class ImportDuplicatesTest {

    private static final String CHOOSE = ": keep one with --duplicates keep-last or --duplicates mean";

    @TempDir
    Path tmp;

    private ImportIntoNewProject imports;
    private Project project;

    @BeforeEach
    void openProject() {
        imports = new ImportIntoNewProject(tmp);
        project = imports.project();
    }

    @AfterEach
    void closeProject() {
        imports.close();
    }

    /** Appends a line and returns its (1-based) line number. */
    private static int append(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n", StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
        return Files.readAllLines(file, StandardCharsets.ISO_8859_1).size();
    }

    private List<String> interactions() {
        return DatabaseSnapshot.strings(project.database(), "SELECT c.external_id || ',' || p.external_id || ',' || i.rating "
                + "|| ',' || COALESCE(CAST(i.ts AS VARCHAR), '-') || ',' || COALESCE(i.details, '-') FROM interaction i "
                + "JOIN consumer c ON c.id = i.consumer_id JOIN product p ON p.id = i.product_id ORDER BY i.id");
    }

    /** The view figures written beside the rows agree with the rows after merges. */
    private void assertViewFiguresMatchTheRows() {
        var db = project.database();
        assertThat(DatabaseSnapshot.strings(db, "SELECT rating || ':' || n FROM rating_count ORDER BY rating"))
                .isEqualTo(DatabaseSnapshot.strings(db, "SELECT rating || ':' || COUNT(*) FROM interaction GROUP BY rating ORDER BY rating"));
        assertThat(DatabaseSnapshot.strings(db, "SELECT COUNT(*) FROM product_activity a LEFT JOIN (SELECT product_id, "
                + "COUNT(*) n, SUM(rating) s FROM interaction GROUP BY product_id) i ON i.product_id = a.product_id "
                + "WHERE i.product_id IS NULL OR i.n <> a.interactions OR ABS(i.s - a.rating_sum) > 1e-9"))
                .containsExactly("0");
        assertThat(DatabaseSnapshot.strings(db, "SELECT COUNT(*) FROM product_activity"))
                .isEqualTo(DatabaseSnapshot.strings(db, "SELECT COUNT(DISTINCT product_id) FROM interaction"));
        assertThat(DatabaseSnapshot.strings(db, "SELECT n FROM dataset_count WHERE name = 'interactions'"))
                .isEqualTo(DatabaseSnapshot.strings(db, "SELECT COUNT(*) FROM interaction"));
    }

    @Test
    void csvDuplicateIsRefusedNamingBothLines() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating,time\nu1,p1,4,100\nu2,p1,3,100\nu1,p1,2,100\n");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f),
                "ratings.csv line 4: consumer u1 rated product p1 at the same time on line 2 (ratings 4 and 2)" + CHOOSE);
    }

    @Test
    void duplicateAcrossTwoFilesNamesBothFiles() throws IOException {
        Path a = imports.csv("a.csv", "consumer,product,rating,time\nu1,p1,4,100\n");
        Path b = imports.csv("b.csv", "consumer,product,rating,time\nu2,p1,3,100\nu1,p1,2,100\n");
        imports.assertFailsUnchanged(new ImportRequest(ImportFormat.CSV, List.of(a, b), false, false, null, null, null, null, null),
                "b.csv line 3: consumer u1 rated product p1 at the same time on a.csv line 2 (ratings 4 and 2)" + CHOOSE);
    }

    @Test
    void idsDifferingOnlyInSpacesAreOneConsumerSoTheirRowsAreDuplicates() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating,time\nu1,p1,4,100\n u1 , p1,2,100\n");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f),
                "ratings.csv line 3: consumer u1 rated product p1 at the same time on line 2 (ratings 4 and 2)" + CHOOSE);
    }

    @Test
    void withoutTimesTheSameConsumerAndProductTwiceIsADuplicate() throws IOException {
        Path data = ImportFixtures.copy("restaurant-consumer", tmp);
        int line = append(data.resolve("rating_final.csv"), "U1,1001,0,0,0");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.RESTAURANT_CONSUMER, data), "rating_final.csv line " + line
                + ": consumer U1 rated product 1001 on line 2 too, and there are no times to tell the two apart (ratings 2 and 0)" + CHOOSE);
    }

    @Test
    void yelpDuplicateIsRefused() throws IOException {
        Path data = ImportFixtures.copy("yelp", tmp);
        int line = append(data.resolve("review.json"),
                "{\"review_id\":\"r9\",\"user_id\":\"ua\",\"business_id\":\"b1\",\"stars\":1.0,\"date\":\"2016-03-09 20:15:00\"}");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.YELP, data), "review.json line " + line
                + ": consumer ua rated product b1 at the same time on line 1 (ratings 5 and 1)" + CHOOSE);
    }

    @Test
    void amazonDuplicateIsRefused() throws IOException {
        Path data = ImportFixtures.copy("amazon-2018", tmp);
        int line = append(data.resolve("Movies_and_TV.json"),
                "{\"overall\": 1.0, \"reviewerID\": \"A1\", \"asin\": \"B001\", \"unixReviewTime\": 1410652800}");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.AMAZON, data), "Movies_and_TV.json line " + line
                + ": consumer A1 rated product B001 at the same time on line 1 (ratings 5 and 1)" + CHOOSE);
    }

    @Test
    void movieLensDuplicateIsRefused() throws IOException {
        Path data = ImportFixtures.copy("ml-100k", tmp);
        int line = append(data.resolve("u.data"), "1\t10\t2\t881250949");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.MOVIELENS, data), "u.data line " + line
                + ": consumer 1 rated product 10 at the same time on line 1 (ratings 5 and 2)" + CHOOSE);
    }

    @Test
    void skipBadRowsDoesNotChooseBetweenDuplicates() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating,time\nu1,p1,4,100\nu1,p1,2,100\n");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f).withSkipBadRows(true),
                "ratings.csv line 3: consumer u1 rated product p1 at the same time on line 2 (ratings 4 and 2)" + CHOOSE);
    }

    @Test
    void keepLastStoresOneRowWithTheLastRating() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating,time\nu1,p1,4,100\nu2,p1,3,100\nu1,p1,2,100\nu1,p2,5,100\n");
        ImportResult r = ImportFixtures.run(project, ImportRequest.of(ImportFormat.CSV, f).withDuplicates(DuplicatePolicy.KEEP_LAST));

        assertThat(r.interactions()).isEqualTo(3);
        assertThat(interactions()).containsExactly("u1,p1,2.0,100,-", "u2,p1,3.0,100,-", "u1,p2,5.0,100,-");
        assertThat(r.notes()).containsExactly(
                "merged 1 duplicate rows (same consumer, product and time) into the row they repeat, rated as the last one");
        assertThat(DatabaseSnapshot.strings(project.database(), "SELECT note FROM import_log")).containsExactly(r.notes().get(0));
        assertViewFiguresMatchTheRows();
    }

    @Test
    void keepLastTakesTheLastRowsDetailsToo() throws IOException {
        Path data = ImportFixtures.copy("restaurant-consumer", tmp);
        append(data.resolve("rating_final.csv"), "U1,1001,0,1,0");
        ImportFixtures.run(project, ImportRequest.of(ImportFormat.RESTAURANT_CONSUMER, data).withDuplicates(DuplicatePolicy.KEEP_LAST));

        assertThat(interactions()).startsWith("U1,1001,0.0,-,food=1;service=0");
        assertViewFiguresMatchTheRows();
    }

    @Test
    void meanStoresOneRowWithTheMeanOfAllItsDuplicates() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating,time\nu1,p1,4,100\nu1,p1,2,100\nu2,p1,1,7\nu1,p1,5,100\nu2,p1,2,7\n");
        ImportResult r = ImportFixtures.run(project, ImportRequest.of(ImportFormat.CSV, f).withDuplicates(DuplicatePolicy.MEAN));

        assertThat(r.interactions()).isEqualTo(2);
        assertThat(interactions()).containsExactly("u1,p1,3.6666666666666665,100,-", "u2,p1,1.5,7,-");
        assertThat(r.notes()).containsExactly(
                "merged 3 duplicate rows (same consumer, product and time) into the row they repeat, rated with the mean");
        assertViewFiguresMatchTheRows();
    }

    @Test
    void mergedDuplicatesNeverPutACandidateInItsOwnHistory() throws IOException {
        // No revisits here: the only way a sample's history could hold its candidate is a duplicate row.
        Path f = imports.csv("ratings.csv", "consumer,product,rating,time\nu1,p1,4,100\nu1,p1,2,100\nu1,p2,5,200\nu1,p3,3,300\n"
                + "u2,p1,4,100\nu2,p2,1,150\nu2,p2,5,150\nu2,p3,2,200\nu2,p4,2,250\n");
        for (DuplicatePolicy policy : new DuplicatePolicy[] {DuplicatePolicy.KEEP_LAST, DuplicatePolicy.MEAN}) {
            try (Project p = Project.create(tmp.resolve("p-" + policy.id()))) {
                new ImportJob(p.database(), p.exportsDir(), ImportRequest.of(ImportFormat.CSV, f).withDuplicates(policy))
                        .run(dev.lrrecsys.workbench.task.TaskContext.silent());
                dev.lrrecsys.workbench.samples.SampleDerivationJob.ensureSamples(p.database(),
                        dev.lrrecsys.workbench.task.TaskContext.silent());
                assertThat(DatabaseSnapshot.strings(p.database(), "SELECT COUNT(*) FROM sample")).containsExactly("5");
                assertThat(DatabaseSnapshot.strings(p.database(),
                        "SELECT COUNT(*) FROM sample WHERE product_id IN (hist1, hist2, hist3, hist4, hist5)")).containsExactly("0");
            }
        }
    }

    @Test
    void theSameProductAtAnotherTimeIsARevisitNotADuplicate() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating,time\nu1,p1,4,100\nu1,p1,2,200\n");
        ImportResult r = ImportFixtures.run(project, ImportRequest.of(ImportFormat.CSV, f));
        assertThat(r.interactions()).isEqualTo(2);
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void unknownDuplicatesPolicyIsNamed() {
        assertThatThrownBy(() -> DuplicatePolicy.fromId("first"))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("unknown --duplicates value 'first': use one of refuse, keep-last, mean");
    }
}
