package dev.lrrecsys.workbench.ingest.synth;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.CancelledException;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RestaurantWorldGeneratorTest {

    private static final SynthSettings SMALL = new SynthSettings(300, 60, 6_000, 11);

    @TempDir
    static Path dir;

    private static final List<Project> OPEN = new ArrayList<>();

    /** Generated once for the class: the tests only read it. */
    private static Project world;

    private static Project project(String name) {
        Project p = Project.create(dir.resolve(name));
        OPEN.add(p);
        return p;
    }

    @BeforeAll
    static void generateSmallWorld() {
        world = project("world");
        new RestaurantWorldGenerator(world.database(), SMALL).run(TaskContext.silent());
    }

    @AfterAll
    static void close() {
        OPEN.forEach(Project::close);
    }

    private long count(String sql) {
        return TableSnapshot.count(world.database(), sql);
    }

    @Test
    void writesTheRequestedCountsAndDescribesTheDataset() {
        assertThat(count("SELECT COUNT(*) FROM consumer")).isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM product")).isEqualTo(60);
        assertThat(count("SELECT COUNT(*) FROM interaction")).isEqualTo(6_000);
        assertThat(count("SELECT COUNT(DISTINCT consumer_id) FROM interaction")).isEqualTo(300);
        DatasetInfo info = world.database().read(tx -> new DatasetRepository().find(tx)).orElseThrow();
        assertThat(info.format()).isEqualTo("synthetic");
        assertThat(info.domain()).isEqualTo("restaurant");
        assertThat(info.ratingMin()).isEqualTo(1);
        assertThat(info.ratingMax()).isEqualTo(5);
        assertThat(info.highThreshold()).isEqualTo(4);
        assertThat(info.hasTime()).isTrue();
        assertThat(info.source()).isEqualTo("lrw synth --consumers 300 --products 60 --interactions 6000 --seed 11");
    }

    @Test
    void restaurantsHaveUniqueNamesAndEveryAttributeOnce() {
        assertThat(count("SELECT COUNT(DISTINCT name) FROM product")).isEqualTo(60);
        assertThat(TableSnapshot.rows(world.database(),
                "SELECT name, COUNT(*) FROM product_attribute GROUP BY name ORDER BY name"))
                .containsExactly("alcohol|60", "ambience|60", "cuisine|60", "location|60", "price|60");
        assertThat(TableSnapshot.rows(world.database(), "SELECT DISTINCT val FROM product_attribute WHERE name = 'price' ORDER BY val"))
                .isSubsetOf("high", "low", "medium");
        assertThat(TableSnapshot.rows(world.database(), "SELECT DISTINCT city FROM product")).containsExactly("Lakeport");
        // A name is built from its cuisine's words, e.g. "Siam Thai Kitchen": every cuisine-word in a name matches.
        assertThat(count("SELECT COUNT(*) FROM product p JOIN product_attribute a ON a.product_id = p.id "
                + "AND a.name = 'cuisine' WHERE p.name LIKE '% Thai %' AND a.val <> 'Thai'")).isZero();
    }

    @Test
    void ratingsAreOnTheScaleAndHistoriesAreTimeOrderedWithoutRepeats() {
        assertThat(count("SELECT COUNT(*) FROM interaction WHERE rating NOT IN (1, 2, 3, 4, 5)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM (SELECT consumer_id, product_id FROM interaction "
                + "GROUP BY consumer_id, product_id HAVING COUNT(*) > 1)")).isZero();
        // Interaction ids follow each consumer's time order, and times strictly increase.
        assertThat(count("SELECT COUNT(*) FROM interaction a JOIN interaction b ON a.consumer_id = b.consumer_id "
                + "AND b.id = a.id + 1 WHERE b.ts <= a.ts")).isZero();
        assertThat(count("SELECT COUNT(*) FROM interaction WHERE ts IS NULL")).isZero();
    }

    @Test
    void everyConsumerHasTwoOrThreeHiddenPreferencesOnRealAttributeValues() {
        assertThat(count("SELECT COUNT(*) FROM (SELECT consumer_id FROM ground_truth GROUP BY consumer_id "
                + "HAVING COUNT(*) BETWEEN 2 AND 3 AND COUNT(DISTINCT attribute) = COUNT(*))")).isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM ground_truth g WHERE NOT EXISTS (SELECT 1 FROM product_attribute a "
                + "WHERE a.name = g.attribute AND a.val = g.val) AND g.attribute <> 'cuisine'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM ground_truth WHERE ABS(weight) < 0.8 OR ABS(weight) > 1.6")).isZero();
        assertThat(count("SELECT COUNT(*) FROM ground_truth WHERE weight > 0")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM ground_truth WHERE weight < 0")).isPositive();
        assertThat(TableSnapshot.rows(world.database(), "SELECT DISTINCT name FROM consumer_attribute ORDER BY name"))
                .containsExactly("age_group", "budget", "company", "drink_level", "favourite_cuisine");
    }

    @Test
    void ratingsDependOnTheHiddenPreferences() {
        double liked = mean("EXISTS (SELECT 1 FROM ground_truth g JOIN product_attribute a ON a.name = g.attribute "
                + "AND a.val = g.val WHERE g.consumer_id = i.consumer_id AND a.product_id = i.product_id AND g.weight > 0)");
        double disliked = mean("EXISTS (SELECT 1 FROM ground_truth g JOIN product_attribute a ON a.name = g.attribute "
                + "AND a.val = g.val WHERE g.consumer_id = i.consumer_id AND a.product_id = i.product_id AND g.weight < 0)");
        // Clamping at 5 stars keeps the liked gap below the mean weight (1.2); about 0.7 stars on either side is typical.
        double neither = mean("NOT EXISTS (SELECT 1 FROM ground_truth g JOIN product_attribute a ON a.name = g.attribute "
                + "AND a.val = g.val WHERE g.consumer_id = i.consumer_id AND a.product_id = i.product_id)");
        assertThat(liked - neither).isGreaterThan(0.5);
        assertThat(neither - disliked).isGreaterThan(0.5);
    }

    private double mean(String condition) {
        String avg = TableSnapshot.rows(world.database(), "SELECT AVG(rating) FROM interaction i WHERE " + condition).get(0);
        return Double.parseDouble(avg);
    }

    @Test
    void visibleConsumerAttributesFollowThePreferences() {
        long wantLow = count("SELECT COUNT(*) FROM ground_truth WHERE attribute = 'price' AND val = 'low' AND weight > 0");
        long saysLow = count("SELECT COUNT(*) FROM ground_truth g JOIN consumer_attribute c ON c.consumer_id = g.consumer_id "
                + "AND c.name = 'budget' WHERE g.attribute = 'price' AND g.val = 'low' AND g.weight > 0 AND c.val = 'low'");
        assertThat(wantLow).isPositive();
        assertThat((double) saysLow / wantLow).isGreaterThan(0.75);
        long likesCuisine = count("SELECT COUNT(*) FROM ground_truth WHERE attribute = 'cuisine' AND weight > 0");
        long namesIt = count("SELECT COUNT(*) FROM ground_truth g JOIN consumer_attribute c ON c.consumer_id = g.consumer_id "
                + "AND c.name = 'favourite_cuisine' WHERE g.attribute = 'cuisine' AND g.weight > 0 AND c.val = g.val");
        assertThat(likesCuisine).isPositive();
        assertThat((double) namesIt / likesCuisine).isGreaterThan(0.75);
    }

    @Test
    void theSameSeedGivesTheSameWorldAndAnotherSeedAnotherOne() {
        Project again = project("again");
        new RestaurantWorldGenerator(again.database(), SMALL).run(TaskContext.silent());
        Project other = project("other");
        new RestaurantWorldGenerator(other.database(), new SynthSettings(300, 60, 6_000, 12)).run(TaskContext.silent());
        assertThat(worldRows(again)).isEqualTo(worldRows(world));
        assertThat(worldRows(other)).isNotEqualTo(worldRows(world));
    }

    private static List<String> worldRows(Project p) {
        List<String> rows = new ArrayList<>();
        for (String sql : List.of("SELECT * FROM product ORDER BY id", "SELECT * FROM product_attribute ORDER BY product_id, name",
                "SELECT * FROM consumer ORDER BY id", "SELECT * FROM consumer_attribute ORDER BY consumer_id, name",
                "SELECT * FROM ground_truth ORDER BY consumer_id, attribute", "SELECT * FROM interaction ORDER BY id")) {
            rows.addAll(TableSnapshot.rows(p.database(), sql));
        }
        return rows;
    }

    @Test
    void refusesAProjectThatAlreadyHoldsADatasetAndChangesNothing() {
        List<String> before = TableSnapshot.everything(world.database());
        assertThatThrownBy(() -> new RestaurantWorldGenerator(world.database(), new SynthSettings(5, 5, 10, 1))
                .run(TaskContext.silent()))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("The project already holds a dataset: `lrw synth` writes only into a new, empty project "
                        + "(create one with `lrw project create DIR`).");
        assertThat(TableSnapshot.everything(world.database())).isEqualTo(before);
    }

    @Test
    void aCancelledRunLeavesNoHalfWorld() {
        Project p = project("cancelled");
        List<String> before = TableSnapshot.everything(p.database());
        TaskContext cancelHalfWay = new TaskContext() {
            private long done;
            @Override public void progress(long done, long total, String message) { this.done = done; }
            @Override public void message(String message) { }
            @Override public boolean isCancelled() { return done > 3_000; }
        };
        assertThatThrownBy(() -> new RestaurantWorldGenerator(p.database(), SMALL).run(cancelHalfWay))
                .isInstanceOf(CancelledException.class);
        assertThat(TableSnapshot.everything(p.database())).isEqualTo(before);
    }

    @Test
    void spreadsVisitsUnevenlyButNeverBeyondTheRestaurants() {
        // Popularity skew: the busiest tenth of the restaurants gets clearly more than a tenth of the visits.
        List<String> perProduct = TableSnapshot.rows(world.database(),
                "SELECT COUNT(*) c FROM interaction GROUP BY product_id ORDER BY c DESC");
        long top = perProduct.subList(0, 6).stream().mapToLong(Long::parseLong).sum();
        assertThat((double) top / 6_000).isGreaterThan(0.15);
        assertThat(count("SELECT MAX(c) FROM (SELECT COUNT(*) c FROM interaction GROUP BY consumer_id)")).isLessThanOrEqualTo(60);
        assertThat(count("SELECT MIN(c) FROM (SELECT COUNT(*) c FROM interaction GROUP BY consumer_id)")).isGreaterThanOrEqualTo(1);
        assertThat(Double.parseDouble(TableSnapshot.rows(world.database(), "SELECT AVG(rating) FROM interaction").get(0)))
                .isCloseTo(3.3, within(0.5));
    }
}
