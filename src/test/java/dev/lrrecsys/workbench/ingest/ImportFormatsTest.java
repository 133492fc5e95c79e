package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each format's reader on a tiny fixture written for it: counts, names, attributes, scale, time. */
class ImportFormatsTest {

    @TempDir
    Path tmp;

    private Project project() {
        return Project.create(tmp.resolve("project"));
    }

    private static List<String> q(Project p, String sql, Object... params) {
        return DatabaseSnapshot.strings(p.database(), sql, params);
    }

    private static DatasetInfo dataset(Project p) {
        return p.database().read(tx -> new DatasetRepository().find(tx)).orElseThrow();
    }

    @Test
    void restaurantConsumerReadsAllNineFilesAndDecodesMixedEncodings() throws Exception {
        Path data = ImportFixtures.copy("restaurant-consumer", tmp);
        try (Project p = project()) {
            ImportResult r = ImportFixtures.run(p, ImportRequest.of(ImportFormat.RESTAURANT_CONSUMER, data));

            assertThat(List.of(r.consumers(), r.products(), r.interactions())).containsExactly(4L, 4L, 13L);
            assertThat(r.productsSkipped()).isEqualTo(3);
            assertThat(r.notes()).contains("skipped 3 restaurants that have no name and no rating"
                    + " (rows of chefmoz*.csv for restaurants not in geoplaces2.csv)");
            // Latin-1 byte, UTF-8 bytes, and a U+FFFD repaired from the intact spelling in the same file.
            assertThat(q(p, "SELECT name FROM product ORDER BY id")).containsExactly("Kiku Cuernavaca",
                    "El Rincón de San Francisco", "Cenaduria El Rincón de Tlaquepaque", "La Posada del Rincón");
            assertThat(q(p, "SELECT city FROM product WHERE external_id = '1004'")).containsExactly((String) null);
            assertThat(q(p, "SELECT a.name || '=' || val FROM product_attribute a JOIN product p ON p.id = a.product_id "
                    + "WHERE p.external_id = '1002' ORDER BY a.name, val")).contains("alcohol=Wine-Beer", "ambience=familiar",
                    "cuisine=Bar", "cuisine=Mexican", "payment=VISA", "payment=cash", "smoking_area=only at bar", "price=medium");
            assertThat(q(p, "SELECT val FROM product_attribute a JOIN product p ON p.id = a.product_id "
                    + "WHERE p.external_id = '1001' AND a.name = 'hours' ORDER BY val"))
                    .containsExactly("Mon;Tue;Wed;Thu;Fri; 00:00-23:30;", "Sat; 12:00-18:00;");
            assertThat(q(p, "SELECT COUNT(*) FROM product_attribute WHERE name = 'fax'")).containsExactly("0");
            assertThat(q(p, "SELECT a.name || '=' || val FROM consumer_attribute a JOIN consumer c ON c.id = a.consumer_id "
                    + "WHERE c.external_id = 'U1' ORDER BY a.name, val")).contains("budget=medium", "cuisine=American",
                    "cuisine=Mexican", "payment=cash", "smoker=false", "transport=on foot");
            // '?' is missing: U4 has no smoker or budget attribute.
            assertThat(q(p, "SELECT COUNT(*) FROM consumer_attribute a JOIN consumer c ON c.id = a.consumer_id "
                    + "WHERE c.external_id = 'U4' AND a.name IN ('smoker', 'budget')")).containsExactly("0");
            assertThat(q(p, "SELECT consumer_id || ':' || product_id || ':' || rating || ':' || COALESCE(CAST(ts AS VARCHAR), 'null') "
                    + "|| ':' || details FROM interaction WHERE id = 2")).containsExactly("1:2:1.0:null:food=2;service=1");

            DatasetInfo d = dataset(p);
            assertThat(d.format()).isEqualTo("restaurant-consumer");
            assertThat(d.domain()).isEqualTo("restaurant");
            assertThat(List.of(d.ratingMin(), d.ratingMax())).containsExactly(0.0, 2.0);
            assertThat(d.isHigh(2)).isTrue();
            assertThat(d.isHigh(1)).isFalse();
            assertThat(d.hasTime()).isFalse();
            assertThat(q(p, "SELECT format || ' ' || rows_imported || ' ' || rows_rejected || ' ' || products_skipped FROM import_log"))
                    .containsExactly("restaurant-consumer 13 0 3");
        }
    }

    @Test
    void yelpKeepsRestaurantsOnlyWhenAskedAndTurnsDatesIntoEpochSeconds() throws Exception {
        Path data = ImportFixtures.copy("yelp", tmp);
        try (Project p = project()) {
            ImportResult r = ImportFixtures.run(p, ImportRequest.of(ImportFormat.YELP, data).withRestaurantsOnly(true));

            assertThat(List.of(r.consumers(), r.products(), r.interactions())).containsExactly(2L, 2L, 3L);
            assertThat(r.notes()).containsExactly("left out 1 businesses that are not restaurants and their 1 reviews");
            assertThat(q(p, "SELECT name || '/' || city FROM product ORDER BY id"))
                    .containsExactly("Siam Thai Kitchen/Tampa", "Taqueria Luna/Tucson");
            assertThat(q(p, "SELECT a.name || '=' || val FROM product_attribute a JOIN product p ON p.id = a.product_id "
                    + "WHERE p.external_id = 'b1' ORDER BY a.name, val")).containsExactly("Alcohol=beer_and_wine",
                    "BusinessParking=lot", "BusinessParking=street", "RestaurantsPriceRange2=2", "average_stars=4.5",
                    "category=Restaurants", "category=Thai");
            assertThat(q(p, "SELECT ts FROM interaction ORDER BY id")).containsExactly("1457554500", "1484395200", "1532286000");
            DatasetInfo d = dataset(p);
            assertThat(List.of(d.ratingMin(), d.ratingMax(), d.highThreshold())).containsExactly(1.0, 5.0, 3.4);
            assertThat(d.isHigh(4)).isTrue();
            assertThat(d.isHigh(3)).isFalse();
            assertThat(d.hasTime()).isTrue();
            assertThat(d.domain()).isEqualTo("restaurant");
        }
    }

    @Test
    void yelpWithoutTheFilterKeepsEveryBusiness() throws Exception {
        Path data = ImportFixtures.copy("yelp", tmp);
        try (Project p = project()) {
            ImportResult r = ImportFixtures.run(p, ImportRequest.of(ImportFormat.YELP, data));
            assertThat(List.of(r.products(), r.interactions())).containsExactly(3L, 4L);
        }
    }

    @Test
    void amazon2018ReviewsTakeTitlesAndCategoriesFromTheMetaFile() throws Exception {
        Path data = ImportFixtures.copy("amazon-2018", tmp);
        try (Project p = project()) {
            ImportResult r = ImportFixtures.run(p, ImportRequest.of(ImportFormat.AMAZON, data));

            assertThat(List.of(r.consumers(), r.products(), r.interactions())).containsExactly(3L, 3L, 4L);
            assertThat(q(p, "SELECT external_id || '=' || name FROM product ORDER BY external_id"))
                    .containsExactly("B001=The Quiet Field", "B002=Space Cats", "B003=B003");
            assertThat(q(p, "SELECT val FROM product_attribute a JOIN product p ON p.id = a.product_id "
                    + "WHERE p.external_id = 'B002' AND a.name = 'category' ORDER BY val")).containsExactly("Comedy", "Kids", "Movies & TV");
            assertThat(q(p, "SELECT ts FROM interaction ORDER BY id")).containsExactly("1410652800", "1410739200", "1420070400", "1430000000");
            assertThat(r.notes()).containsExactly("2 of 3 reviewed products found in the meta file(s); the others are named by their id");
            assertThat(dataset(p).domain()).isEqualTo("product");
        }
    }

    @Test
    void amazon2023UsesParentAsinAndMillisecondTimestamps() throws Exception {
        Path data = ImportFixtures.copy("amazon-2023", tmp);
        try (Project p = project()) {
            ImportResult r = ImportFixtures.run(p, ImportRequest.of(ImportFormat.AMAZON, data));

            assertThat(List.of(r.consumers(), r.products(), r.interactions())).containsExactly(2L, 2L, 3L);
            assertThat(q(p, "SELECT external_id || '=' || name FROM product ORDER BY external_id"))
                    .containsExactly("P1=Lavender Soap", "P2=Hair Brush");
            assertThat(q(p, "SELECT a.name || '=' || val FROM product_attribute a JOIN product p ON p.id = a.product_id "
                    + "WHERE p.external_id = 'P1' ORDER BY a.name, val")).containsExactly("category=Beauty", "category=Soap",
                    "main_category=All Beauty");
            assertThat(q(p, "SELECT ts FROM interaction ORDER BY id")).containsExactly("1588615855", "1588615955", "1600000000");
        }
    }

    @Test
    void movieLens100kReadsGenreFlagsLatin1TitlesAndUsers() throws Exception {
        Path data = ImportFixtures.copy("ml-100k", tmp);
        try (Project p = project()) {
            ImportResult r = ImportFixtures.run(p, ImportRequest.of(ImportFormat.MOVIELENS, data));

            assertThat(List.of(r.consumers(), r.products(), r.interactions())).containsExactly(3L, 3L, 6L);
            assertThat(q(p, "SELECT name FROM product ORDER BY id"))
                    .containsExactly("Toy Story (1995)", "Cité des enfants perdus, La (1995)", "Heat (1995)");
            assertThat(q(p, "SELECT a.name || '=' || val FROM product_attribute a JOIN product p ON p.id = a.product_id "
                    + "WHERE p.external_id = '10' ORDER BY a.name, val")).containsExactly("genre=Animation", "genre=Children's",
                    "genre=Comedy", "year=1995");
            assertThat(q(p, "SELECT a.name || '=' || val FROM consumer_attribute a JOIN consumer c ON c.id = a.consumer_id "
                    + "WHERE c.external_id = '2' ORDER BY a.name")).containsExactly("age=53", "gender=F", "occupation=other");
            DatasetInfo d = dataset(p);
            assertThat(List.of(d.ratingMin(), d.ratingMax())).containsExactly(1.0, 5.0);
            assertThat(d.domain()).isEqualTo("movie");
        }
    }

    @Test
    void movieLens1mDatLayoutWithGzippedRatings() throws Exception {
        Path data = ImportFixtures.copy("ml-1m", tmp);
        try (Project p = project()) {
            ImportResult r = ImportFixtures.run(p, ImportRequest.of(ImportFormat.MOVIELENS, data));

            assertThat(List.of(r.consumers(), r.products(), r.interactions())).containsExactly(2L, 3L, 4L);
            assertThat(q(p, "SELECT name FROM product WHERE external_id = '2355'")).containsExactly("Bug's Life, A: The Sequel (1998)");
            assertThat(q(p, "SELECT a.name || '=' || val FROM product_attribute a JOIN product p ON p.id = a.product_id "
                    + "WHERE p.external_id = '661' ORDER BY a.name, val")).containsExactly("genre=Animation", "genre=Children's",
                    "genre=Musical", "year=1996");
            assertThat(q(p, "SELECT a.name || '=' || val FROM consumer_attribute a JOIN consumer c ON c.id = a.consumer_id "
                    + "WHERE c.external_id = '2' ORDER BY a.name")).containsExactly("age=56", "gender=M", "occupation=16");
            assertThat(q(p, "SELECT ts FROM interaction ORDER BY id")).containsExactly("978300760", "978302109", "978298413", "978299026");
        }
    }

    @Test
    void movieLensCsvLayoutSplitsGenresAndUsesHalfStars() throws Exception {
        Path data = ImportFixtures.copy("ml-latest", tmp);
        try (Project p = project()) {
            ImportResult r = ImportFixtures.run(p, ImportRequest.of(ImportFormat.MOVIELENS, data));

            assertThat(List.of(r.consumers(), r.products(), r.interactions())).containsExactly(2L, 3L, 4L);
            assertThat(q(p, "SELECT name FROM product WHERE external_id = '11'")).containsExactly("American President, The (1995)");
            assertThat(q(p, "SELECT val FROM product_attribute a JOIN product p ON p.id = a.product_id "
                    + "WHERE p.external_id = '11' AND a.name = 'genre' ORDER BY val")).containsExactly("Comedy", "Drama", "Romance");
            assertThat(q(p, "SELECT COUNT(*) FROM product_attribute a JOIN product p ON p.id = a.product_id "
                    + "WHERE p.external_id = '99' AND a.name = 'genre'")).containsExactly("0");
            DatasetInfo d = dataset(p);
            assertThat(List.of(d.ratingMin(), d.ratingMax(), d.highThreshold())).containsExactly(0.5, 5.0, 3.2);
        }
    }

    @Test
    void csvWithAMappingReadsNamedColumnsDomainScaleAndMultiValuedAttributes() throws Exception {
        Path data = ImportFixtures.copy("csv", tmp);
        try (Project p = project()) {
            ImportResult r = ImportFixtures.run(p, ImportRequest.of(ImportFormat.CSV, data.resolve("visits.tsv"))
                    .withMapping(data.resolve("visits.properties")));

            assertThat(List.of(r.consumers(), r.products(), r.interactions())).containsExactly(2L, 2L, 3L);
            assertThat(q(p, "SELECT name || '/' || city FROM product ORDER BY id")).containsExactly("Hotel Mirador/Lisbon", "Casa Azul/Porto");
            assertThat(q(p, "SELECT val FROM product_attribute WHERE product_id = 1 ORDER BY val")).containsExactly("pool", "spa");
            assertThat(q(p, "SELECT ts FROM interaction ORDER BY id")).containsExactly("1619827200", "1623456000", "1625270400");
            DatasetInfo d = dataset(p);
            assertThat(d.domain()).isEqualTo("hotel");
            assertThat(List.of(d.ratingMin(), d.ratingMax(), d.highThreshold())).containsExactly(1.0, 10.0, 6.4);
        }
    }

    @Test
    void scaleAndHighThresholdCanBeOverridden() throws Exception {
        Path data = ImportFixtures.copy("csv", tmp);
        try (Project p = project()) {
            ImportFixtures.run(p, ImportRequest.of(ImportFormat.CSV, data.resolve("visits.tsv"))
                    .withMapping(data.resolve("visits.properties")).withScale(0.0, 10.0, 8.0));
            DatasetInfo d = dataset(p);
            assertThat(List.of(d.ratingMin(), d.ratingMax(), d.highThreshold())).containsExactly(0.0, 10.0, 8.0);
        }
    }
}
