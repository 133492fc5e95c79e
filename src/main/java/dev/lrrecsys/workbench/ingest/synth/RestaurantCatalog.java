package dev.lrrecsys.workbench.ingest.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All restaurants of a synthetic world with the structures that draw visits from them: by popularity over
 * all restaurants, or by popularity among those with one attribute value ("a Thai place"). Kept in memory:
 * restaurants are few next to interactions.
 */
final class RestaurantCatalog {

    private final List<Restaurant> restaurants;
    private final double[] cumulative;
    /** Per attribute ordinal, per value: ids (0-based indices) of the restaurants with it and their cumulative popularity. */
    private final int[][][] poolIndices;
    private final double[][][] poolCumulative;

    private RestaurantCatalog(List<Restaurant> restaurants) {
        this.restaurants = restaurants;
        this.cumulative = cumulativePopularity(restaurants, null);
        RestaurantAttribute[] attributes = RestaurantAttribute.values();
        poolIndices = new int[attributes.length][][];
        poolCumulative = new double[attributes.length][][];
        for (RestaurantAttribute a : attributes) {
            int values = a.options().size();
            poolIndices[a.ordinal()] = new int[values][];
            poolCumulative[a.ordinal()] = new double[values][];
            for (int v = 0; v < values; v++) {
                int value = v;
                int[] pool = restaurants.stream().filter(r -> r.value(a) == value).mapToInt(r -> r.id() - 1).toArray();
                poolIndices[a.ordinal()][v] = pool;
                poolCumulative[a.ordinal()][v] = cumulativePopularity(restaurants, pool);
            }
        }
    }

    /** Draws {@code count} restaurants deterministically from the random stream. */
    static RestaurantCatalog generate(int count, WorldRandom random) {
        RestaurantNamer namer = new RestaurantNamer();
        List<Restaurant> out = new ArrayList<>(count);
        for (int id = 1; id <= count; id++) {
            out.add(draw(id, namer, random));
        }
        return new RestaurantCatalog(out);
    }

    private static Restaurant draw(int id, RestaurantNamer namer, WorldRandom random) {
        int cuisineIndex = random.below(Cuisine.ALL.size());
        Cuisine cuisine = Cuisine.ALL.get(cuisineIndex);
        int price = random.weighted(cuisine.priceLean());
        // Dearer places lean quiet or romantic with a full bar; cheap ones casual, lively or family.
        double[] ambience = switch (price) {
            case 0 -> new double[] {1, 4, 3, 0.5, 3};
            case 1 -> new double[] {2, 3, 3, 2, 2};
            default -> new double[] {3, 1, 1.5, 4, 1};
        };
        double[] alcohol = switch (price) {
            case 0 -> new double[] {4, 4, 1};
            case 1 -> new double[] {2, 4, 3};
            default -> new double[] {1, 3, 5};
        };
        if (cuisine.name().equals("Vegan")) {
            alcohol[2] *= 0.3;
        }
        int[] values = new int[RestaurantAttribute.values().length];
        values[RestaurantAttribute.CUISINE.ordinal()] = cuisineIndex;
        values[RestaurantAttribute.PRICE.ordinal()] = price;
        values[RestaurantAttribute.AMBIENCE.ordinal()] = random.weighted(ambience);
        values[RestaurantAttribute.ALCOHOL.ordinal()] = random.weighted(alcohol);
        int district = random.below(RestaurantAttribute.LOCATION.options().size());
        values[RestaurantAttribute.LOCATION.ordinal()] = district;
        double quality = 0.4 * random.gaussian();
        // Better kitchens draw more guests; the rest of the skew is luck (log-normal).
        double popularity = Math.exp(0.9 * random.gaussian() + 1.5 * quality);
        String name = namer.name(cuisine, RestaurantAttribute.LOCATION.value(district), random);
        return new Restaurant(id, name, values, quality, popularity);
    }

    private static double[] cumulativePopularity(List<Restaurant> restaurants, int[] subset) {
        int n = subset == null ? restaurants.size() : subset.length;
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += restaurants.get(subset == null ? i : subset[i]).popularity();
            c[i] = sum;
        }
        return c;
    }

    List<Restaurant> all() {
        return restaurants;
    }

    int size() {
        return restaurants.size();
    }

    /** The restaurant with this 0-based index. */
    Restaurant at(int index) {
        return restaurants.get(index);
    }

    /** A restaurant index drawn by popularity. */
    int drawPopular(WorldRandom random) {
        return drawFrom(cumulative, random);
    }

    /** A restaurant index drawn by popularity among those with the value, or -1 when none has it. */
    int drawPopularWith(RestaurantAttribute attribute, int value, WorldRandom random) {
        int[] pool = poolIndices[attribute.ordinal()][value];
        if (pool.length == 0) {
            return -1;
        }
        return pool[drawFrom(poolCumulative[attribute.ordinal()][value], random)];
    }

    private static int drawFrom(double[] cumulative, WorldRandom random) {
        double r = random.uniform() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, r);
        int index = i >= 0 ? i + 1 : -i - 1;
        return Math.min(index, cumulative.length - 1);
    }
}
