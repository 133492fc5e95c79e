package dev.lrrecsys.workbench.ingest.synth;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.DatasetWriter;
import dev.lrrecsys.workbench.store.Tx;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Writes a synthetic restaurant world into an empty project: restaurants with cuisine, price, ambience,
 * alcohol and location; consumers with hidden preferences (table {@code ground_truth}) and attributes that
 * follow them; time-ordered visits rated 1..5 from those preferences plus noise. The same settings give
 * the same world. Consumers are generated and written one at a time, so memory does not grow with the
 * number of interactions; everything goes in one transaction, so a failure or a cancel leaves no half world.
 */
public final class RestaurantWorldGenerator implements Job<SynthSummary> {

    /** Histories start somewhere in 2019-2020 (epoch seconds of 2019-01-01T00:00Z). */
    private static final long FIRST_START = 1_546_300_800L;
    private static final long START_SPREAD = 2L * 365 * 86_400;
    private static final double MEAN_GAP_SECONDS = 6 * 86_400.0;

    private final Database database;
    private final SynthSettings settings;

    public RestaurantWorldGenerator(Database database, SynthSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    @Override
    public String title() {
        return "Synthesize restaurant world";
    }

    @Override
    public SynthSummary run(TaskContext context) {
        long started = System.nanoTime();
        long seed = settings.seed();
        context.message("drawing " + settings.products() + " restaurants");
        RestaurantCatalog catalog = RestaurantCatalog.generate(settings.products(), WorldRandom.forEntity(seed, "restaurants", 0));
        int[] visits = ActivityAllocation.visitsPerConsumer(settings.consumers(), settings.interactions(),
                settings.products(), WorldRandom.forEntity(seed, "activity", 0));
        long groundTruthRows = database.inTransaction(tx -> {
            return write(tx, catalog, visits, context);
        });
        return new SynthSummary(settings.consumers(), settings.products(), settings.interactions(), groundTruthRows,
                (System.nanoTime() - started) / 1e9);
    }

    private long write(Tx tx, RestaurantCatalog catalog, int[] visits, TaskContext context) throws Exception {
        DatasetRepository datasets = new DatasetRepository();
        if (!datasets.isEmpty(tx)) {
            throw new WorkbenchException("The project already holds a dataset: `lrw synth` writes only into a new, "
                    + "empty project (create one with `lrw project create DIR`).");
        }
        datasets.save(tx, new DatasetInfo("synthetic restaurant world (seed " + settings.seed() + ")", "synthetic",
                "restaurant", describe(), 1, 5, 4, true, OffsetDateTime.now(ZoneOffset.UTC)));
        long groundTruthRows = 0;
        try (DatasetWriter writer = new DatasetWriter(tx)) {
            writeRestaurants(writer, catalog);
            for (int c = 1; c <= settings.consumers(); c++) {
                writer.consumer(c, String.format("U%07d", c));
            }
            writer.flush();
            ConsumerFactory consumers = new ConsumerFactory();
            VisitPlanner planner = new VisitPlanner(catalog);
            long nextInteraction = 1;
            for (int c = 1; c <= settings.consumers(); c++) {
                context.checkCancelled();
                WorldRandom random = WorldRandom.forEntity(settings.seed(), "consumer", c);
                SyntheticConsumer consumer = consumers.draw(c, random,
                        WorldRandom.forEntity(settings.seed(), "favourite cuisine", c));
                for (Map.Entry<String, String> a : consumer.attributes().entrySet()) {
                    writer.consumerAttribute(c, a.getKey(), a.getValue());
                }
                for (Preference p : consumer.preferences()) {
                    writer.groundTruth(c, p.attribute().storedName(), p.valueName(), p.weight());
                    groundTruthRows++;
                }
                long ts = FIRST_START + (long) (random.uniform() * START_SPREAD);
                for (int index : planner.plan(consumer, visits[c - 1], random)) {
                    Restaurant restaurant = catalog.at(index);
                    ts += 3_600 + (long) random.exponential(MEAN_GAP_SECONDS);
                    writer.interaction(nextInteraction++, c, restaurant.id(), RatingDraw.rating(consumer, restaurant, random),
                            ts, null);
                }
                context.progress(nextInteraction - 1, settings.interactions(),
                        "consumer " + c + " of " + settings.consumers());
            }
        }
        context.message("committing");
        datasets.logImport(tx, "synthetic", describe(), settings.interactions(), 0, 0,
                groundTruthRows + " ground-truth preferences");
        return groundTruthRows;
    }

    private static void writeRestaurants(DatasetWriter writer, RestaurantCatalog catalog) throws Exception {
        for (Restaurant r : catalog.all()) {
            writer.product(r.id(), String.format("R%06d", r.id()), r.name(), RestaurantAttribute.CITY);
        }
        writer.flush();
        for (Restaurant r : catalog.all()) {
            for (RestaurantAttribute a : RestaurantAttribute.values()) {
                writer.productAttribute(r.id(), a.storedName(), r.valueName(a));
            }
        }
        writer.flush();
    }

    private String describe() {
        return "lrw synth --consumers " + settings.consumers() + " --products " + settings.products()
                + " --interactions " + settings.interactions() + " --seed " + settings.seed();
    }
}
