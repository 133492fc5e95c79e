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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every bad input of issue 2 gets its exact message and leaves the database exactly as before (all tables'
 * row counts, the dataset row and the import log compared), and no rejects file behind.
 */
class ImportBadInputTest {

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

    /** Replaces one line (1-based) of a fixture file. */
    private static void replaceLine(Path file, int line, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        lines.set(line - 1, text);
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
    }

    @Test
    void missingFile() throws IOException {
        Path missing = tmp.resolve("nope.csv");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, missing), "file not found: " + missing);
    }

    @Test
    void missingFileOfTheRestaurantConsumerFolder() throws IOException {
        Path data = ImportFixtures.copy("restaurant-consumer", tmp);
        Files.delete(data.resolve("rating_final.csv"));
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.RESTAURANT_CONSUMER, data), "file not found: "
                + data.resolve("rating_final.csv") + " (the restaurant-consumer format needs geoplaces2.csv, userprofile.csv, rating_final.csv)");
    }

    @Test
    void rowWithTheWrongNumberOfFieldsNamesFileAndLine() throws IOException {
        Path data = ImportFixtures.copy("restaurant-consumer", tmp);
        replaceLine(data.resolve("rating_final.csv"), 12, "U4,1001,0,0");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.RESTAURANT_CONSUMER, data),
                "rating_final.csv line 12: expected 5 fields, found 4");
    }

    @Test
    void nonNumericRating() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating\nu1,p1,4\nu2,p1,good\n");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f), "ratings.csv line 3: rating 'good' is not a number");
    }

    @Test
    void outOfScaleRating() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating\nu1,p1,4\nu2,p1,5\nu3,p2,7\n");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f), "ratings.csv line 4: rating 7 is outside the scale 1..5");
    }

    @Test
    void outOfScaleSubRating() throws IOException {
        Path data = ImportFixtures.copy("restaurant-consumer", tmp);
        replaceLine(data.resolve("rating_final.csv"), 3, "U1,1002,1,2,3");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.RESTAURANT_CONSUMER, data),
                "rating_final.csv line 3: service_rating 3 is outside the scale 0..2");
    }

    @Test
    void unknownProductIdInRatings() throws IOException {
        Path data = ImportFixtures.copy("restaurant-consumer", tmp);
        replaceLine(data.resolve("rating_final.csv"), 5, "U2,999999,2,2,2");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.RESTAURANT_CONSUMER, data),
                "rating_final.csv line 5: unknown product id 999999 (not in geoplaces2.csv)");
    }

    @Test
    void unknownMovieInMovieLensRatings() throws IOException {
        Path data = ImportFixtures.copy("ml-100k", tmp);
        replaceLine(data.resolve("u.data"), 4, "2\t77\t1\t878887116");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.MOVIELENS, data), "u.data line 4: unknown product id 77 (not in u.item)");
    }

    @Test
    void truncatedJsonLineNamesFileAndLine() throws IOException {
        Path data = ImportFixtures.copy("yelp", tmp);
        List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("review.json")));
        lines.set(1, lines.get(1).substring(0, 40));
        Files.write(data.resolve("review.json"), lines);
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.YELP, data),
                "review.json line 2: truncated JSON (the line ends inside an object)");
    }

    @Test
    void malformedJsonLine() throws IOException {
        Path data = ImportFixtures.copy("amazon-2018", tmp);
        replaceLine(data.resolve("Movies_and_TV.json"), 3, "{\"overall\": 4.0, \"reviewerID\": \"A1\" \"asin\": \"B002\"}");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.AMAZON, data),
                "Movies_and_TV.json line 3: malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries");
    }

    @Test
    void binaryFileHandedOverAsCsv() throws IOException {
        Path f = tmp.resolve("ratings.csv");
        Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'});
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f),
                "ratings.csv is not a UTF-8 or Latin-1 text file (it contains NUL bytes: binary or UTF-16 data)");
    }

    @Test
    void utf16FileHandedOverAsCsv() throws IOException {
        Path f = tmp.resolve("ratings.csv");
        Files.write(f, "\uFEFFconsumer,product,rating\nu1,p1,4\n".getBytes(StandardCharsets.UTF_16LE));
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f),
                "ratings.csv is not a UTF-8 or Latin-1 text file (it starts with a UTF-16 byte order mark): save it as UTF-8");
    }

    @Test
    void utf16FileWithoutByteOrderMark() throws IOException {
        Path f = tmp.resolve("ratings.csv");
        Files.write(f, "consumer,product,rating\nu1,p1,4\n".getBytes(StandardCharsets.UTF_16BE));
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f),
                "ratings.csv is not a UTF-8 or Latin-1 text file (it contains NUL bytes: binary or UTF-16 data)");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = imports.csv("ratings.csv", "");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f), "ratings.csv is empty");
    }

    @Test
    void fileWithAHeaderAndNoRows() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating\n");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f), "nothing imported: no valid ratings in " + f.toAbsolutePath());
    }

    @Test
    void mappingNamingAMissingColumn() throws IOException {
        Path f = imports.csv("ratings.csv", "user,item,score\nu1,p1,4\n");
        Path mapping = imports.csv("map.properties", "consumer=user\nproduct=item\nrating=stars\n");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f).withMapping(mapping),
                "mapping map.properties: column 'stars' (rating) is not in ratings.csv (its columns: user, item, score)");
    }

    @Test
    void mappingWithAnUnknownKey() throws IOException {
        Path f = imports.csv("ratings.csv", "user,item,score\nu1,p1,4\n");
        Path mapping = imports.csv("map.properties", "consumer=user\nproduct=item\nrating=score\nratng_max=10\n");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f).withMapping(mapping),
                "mapping map.properties: unknown key(s) ratng_max (known: attribute_separator, consumer, consumer_attributes, "
                        + "delimiter, domain, high_threshold, product, product_attributes, product_city, product_name, quote, rating, rating_max, rating_min, time, time_format)");
    }

    @Test
    void unclosedQuoteAtTheEndOfTheFile() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating\nu1,p1,4\nu2,\"p2,3\n");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f),
                "ratings.csv line 3: a quoted field is not closed before the end of the file");
    }

    @Test
    void highThresholdOutsideTheScale() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating\nu1,p1,4\n");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f).withScale(1.0, 5.0, 6.0),
                "the high threshold 6 is outside the rating scale 1..5");
    }

    @Test
    void emptyRatingScale() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating\nu1,p1,4\n");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f).withScale(5.0, 1.0, null),
                "the rating scale 5..1 is empty: the minimum must be below the maximum");
    }

    @Test
    void importingIntoAProjectThatAlreadyHoldsADatasetChangesNothing() throws IOException {
        Path first = imports.csv("first.csv", "consumer,product,rating\nu1,p1,4\nu2,p2,2\n");
        ImportFixtures.run(project, ImportRequest.of(ImportFormat.CSV, first));
        imports.rememberState();
        Path second = imports.csv("second.csv", "consumer,product,rating\nu9,p9,5\n");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, second),
                "this project already holds a dataset (first.csv, csv): create a new project to import another one");
        assertThat(dev.lrrecsys.workbench.store.DatabaseSnapshot.of(project.database())).containsEntry("INTERACTION", "2");
    }

    @Test
    void skipBadRowsImportsTheGoodRowsAndListsTheBadOnesWithLinesAndReasons() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating\nu1,p1,4\nu2,p1,good\nu3,p2,7\nu4,p2\nu5,p3,1\n");
        ImportResult r = ImportFixtures.run(project, ImportRequest.of(ImportFormat.CSV, f).withSkipBadRows(true));

        assertThat(r.interactions()).isEqualTo(2);
        assertThat(r.rejected()).isEqualTo(3);
        assertThat(r.rejectsFile()).isNotNull();
        assertThat(r.rejectsFile().getParent()).isEqualTo(project.exportsDir());
        assertThat(r.rejectsFile().getFileName().toString()).matches("rejects-\\d{8}-\\d{6}\\.csv");
        assertThat(Files.readAllLines(r.rejectsFile())).containsExactly(
                "file,line,reason",
                "ratings.csv,3,rating 'good' is not a number",
                "ratings.csv,4,rating 7 is outside the scale 1..5",
                "ratings.csv,5,\"expected 3 fields, found 2\"");
        assertThat(DatabaseSnapshot.strings(project.database(), "SELECT external_id FROM consumer ORDER BY id"))
                .containsExactly("u1", "u5");
        assertThat(DatabaseSnapshot.strings(project.database(), "SELECT rows_imported || '/' || rows_rejected FROM import_log"))
                .containsExactly("2/3");
    }

    @Test
    void skipBadRowsWithNoBadRowsWritesNoRejectsFile() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating\nu1,p1,4\n");
        ImportResult r = ImportFixtures.run(project, ImportRequest.of(ImportFormat.CSV, f).withSkipBadRows(true));
        assertThat(r.rejectsFile()).isNull();
        assertThat(imports.exportFiles()).isEmpty();
    }

    @Test
    void namesThatLookLikeSqlAreStoredAsNames() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating,title\nu1,p1,4,\"'); DROP TABLE x;--\"\n"
                + "\"u2'; DELETE FROM consumer;--\",p1,2,\"'); DROP TABLE x;--\"\n");
        Path mapping = imports.csv("map.properties", "consumer=consumer\nproduct=product\nrating=rating\nproduct_name=title\n");
        Map<String, String> tablesBefore = DatabaseSnapshot.of(project.database());
        ImportFixtures.run(project, ImportRequest.of(ImportFormat.CSV, f).withMapping(mapping));

        assertThat(DatabaseSnapshot.strings(project.database(), "SELECT name FROM product")).containsExactly("'); DROP TABLE x;--");
        assertThat(DatabaseSnapshot.strings(project.database(), "SELECT external_id FROM consumer ORDER BY id"))
                .containsExactly("u1", "u2'; DELETE FROM consumer;--");
        assertThat(DatabaseSnapshot.of(project.database()).keySet()).isEqualTo(tablesBefore.keySet());
    }

    @Test
    void ratingsWithATypeSuffixOrInHexAreNotNumbers() throws IOException {
        for (String bad : new String[] {"4d", "4f", "4D", "0x4", "0x4p0", "NaN", "Infinity", "4 5"}) {
            Path f = imports.csv("ratings.csv", "consumer,product,rating\nu1,p1,4\nu2,p1," + bad + "\n");
            imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f), "ratings.csv line 3: rating '" + bad + "' is not a number");
        }
    }

    @Test
    void yelpStarsWithATypeSuffixAreRefusedWithFileAndLine() throws IOException {
        Path data = ImportFixtures.copy("yelp", tmp);
        List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("review.json")));
        lines.set(1, lines.get(1).replace("\"stars\":2.0", "\"stars\":\"2d\""));
        Files.write(data.resolve("review.json"), lines);
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.YELP, data), "review.json line 2: rating '2d' is not a number");
    }

    @Test
    void ratingsWithSpacesDecimalsAndExponentsAreNumbers() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating\nu1,p1, 4 \nu2,p1,4.0\nu3,p1,+3.\nu4,p1,.5e1\n");
        ImportFixtures.run(project, ImportRequest.of(ImportFormat.CSV, f));
        assertThat(DatabaseSnapshot.strings(project.database(), "SELECT rating FROM interaction ORDER BY id"))
                .containsExactly("4.0", "4.0", "3.0", "5.0");
    }

    @Test
    void idsAreTrimmedLikeRatings() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating,time\nu1,p1,4,1\n u1,p2 ,3,2\n\"u1 \",\" p1\",5,3\n");
        ImportResult r = ImportFixtures.run(project, ImportRequest.of(ImportFormat.CSV, f));
        assertThat(r.consumers()).isEqualTo(1);
        assertThat(r.products()).isEqualTo(2);
        assertThat(DatabaseSnapshot.strings(project.database(), "SELECT '[' || external_id || ']' FROM consumer")).containsExactly("[u1]");
        assertThat(DatabaseSnapshot.strings(project.database(), "SELECT '[' || external_id || ']' FROM product ORDER BY id"))
                .containsExactly("[p1]", "[p2]");
    }

    @Test
    void anIdLongerThan200CharactersNamesFileAndLine() throws IOException {
        String id = "x".repeat(201);
        Path f = imports.csv("ratings.csv", "consumer,product,rating\nu1,p1,4\n" + id + ",p1,3\n");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f),
                "ratings.csv line 3: consumer id 'xxxxxxxxxxxxxxxxxxxx...' has 201 characters, more than the 200 allowed");
    }

    @Test
    void aLongProductIdInTheRestaurantFileNamesItsLine() throws IOException {
        Path data = ImportFixtures.copy("restaurant-consumer", tmp);
        List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("geoplaces2.csv"), StandardCharsets.ISO_8859_1));
        lines.set(2, "9".repeat(250) + lines.get(2).substring(lines.get(2).indexOf(',')));
        Files.write(data.resolve("geoplaces2.csv"), lines, StandardCharsets.ISO_8859_1);
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.RESTAURANT_CONSUMER, data),
                "geoplaces2.csv line 3: product id '99999999999999999999...' has 250 characters, more than the 200 allowed");
    }

    @Test
    void aLongIdWithSkipBadRowsIsARejectedRow() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating\nu1,p1,4\nu2," + "p".repeat(300) + ",3\n");
        ImportResult r = ImportFixtures.run(project, ImportRequest.of(ImportFormat.CSV, f).withSkipBadRows(true));
        assertThat(r.interactions()).isEqualTo(1);
        assertThat(Files.readAllLines(r.rejectsFile())).containsExactly("file,line,reason",
                "ratings.csv,3,\"product id 'pppppppppppppppppppp...' has 300 characters, more than the 200 allowed\"");
    }

    @Test
    void aFileThatCannotBeOpenedSaysWhyNotThePathAgain() throws IOException {
        // A Unix-domain socket exists and is no folder, but open(2) refuses it (ENXIO), even for root, unlike chmod 000.
        Path socket = tmp.resolve("ratings.csv");
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(socket));
            imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, socket), "cannot read " + socket + ": No such device or address");
        }
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws IOException {
        Path f = imports.csv("ratings.csv", "consumer,product,rating\nu1,p1,4\n");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.getFileStore(f).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class));
        Files.setPosixFilePermissions(f, java.util.Set.of());
        // root reads it anyway; the message is then checked through IoReason below.
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(f), "running as root: permissions are not enforced");
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.CSV, f), "cannot read " + f + ": Permission denied");
    }

    @Test
    void permissionDeniedIsNamedEvenWithoutAReasonFromTheSystem() {
        assertThat(IoReason.of(new java.nio.file.AccessDeniedException("/x/f.csv"))).isEqualTo("Permission denied");
        assertThat(IoReason.of(new java.nio.file.FileSystemException("/x/f.csv", null, "Input/output error"))).isEqualTo("Input/output error");
        assertThat(IoReason.of(new IOException("Stale file handle"))).isEqualTo("Stale file handle");
    }

    @Test
    void aHugeYelpNameIsOneLineNamingFileAndLine() throws IOException {
        Path data = ImportFixtures.copy("yelp", tmp);
        List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("business.json")));
        lines.set(1, "{\"business_id\":\"big\",\"name\":\"" + "n".repeat(20_000_001) + "\",\"categories\":\"Restaurants\"}");
        Files.write(data.resolve("business.json"), lines);
        imports.assertFailsUnchanged(ImportRequest.of(ImportFormat.YELP, data),
                "business.json line 2: the text of 'name' is longer than 20000000 characters");
    }
}
