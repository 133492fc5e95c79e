package dev.lrrecsys.workbench.ingest.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a consumer's hidden preferences (2 or 3 attribute values, liked or disliked, with weights) and
 * visible attributes that follow them most of the time: a consumer who wants low prices mostly says
 * "budget: low", one who likes a full bar mostly is a "social drinker".
 */
final class ConsumerFactory {

    /** How often a visible attribute is drawn at random instead of following the preferences. */
    private static final double ATTRIBUTE_NOISE = 0.15;
    /** Relative chance of each attribute (by ordinal) to be among a consumer's drivers. */
    private static final double[] DRIVER_WEIGHTS = {3, 2, 2, 1.5, 1};
    static final List<String> BUDGETS = List.of("low", "medium", "high");
    static final List<String> DRINK_LEVELS = List.of("abstemious", "casual drinker", "social drinker");
    static final List<String> COMPANIES = List.of("solitary", "friends", "partner", "family");
    static final List<String> AGE_GROUPS = List.of("18-25", "26-40", "41-60", "60+");

    /**
     * @param tasteRandom a stream of its own for the favourite cuisine, so that adding that attribute left the
     *                    rest of every seeded world (preferences, visits, ratings) as it was
     */
    SyntheticConsumer draw(int id, WorldRandom random, WorldRandom tasteRandom) {
        List<Preference> preferences = drawPreferences(random);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("budget", budget(find(preferences, RestaurantAttribute.PRICE), random));
        attributes.put("drink_level", drinkLevel(find(preferences, RestaurantAttribute.ALCOHOL), random));
        attributes.put("company", company(find(preferences, RestaurantAttribute.AMBIENCE), random));
        attributes.put("age_group", AGE_GROUPS.get(random.weighted(new double[] {2, 4, 3, 1})));
        attributes.put("favourite_cuisine", favouriteCuisine(find(preferences, RestaurantAttribute.CUISINE), tasteRandom));
        return new SyntheticConsumer(id, List.copyOf(preferences), attributes, 0.35 * random.gaussian());
    }

    private static List<Preference> drawPreferences(WorldRandom random) {
        int count = random.chance(0.5) ? 2 : 3;
        double[] weights = DRIVER_WEIGHTS.clone();
        List<Preference> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RestaurantAttribute attribute = RestaurantAttribute.values()[random.weighted(weights)];
            weights[attribute.ordinal()] = 0;
            int value = random.below(attribute.options().size());
            // Cuisines are mostly what people seek out; the other attributes are as often what they avoid.
            boolean likes = random.chance(attribute == RestaurantAttribute.CUISINE ? 0.8 : 0.6);
            double magnitude = random.uniform(0.8, 1.6);
            out.add(new Preference(attribute, value, likes ? magnitude : -magnitude));
        }
        return out;
    }

    private static Preference find(List<Preference> preferences, RestaurantAttribute attribute) {
        for (Preference p : preferences) {
            if (p.attribute() == attribute) {
                return p;
            }
        }
        return null;
    }

    /** Price values and budgets share their names: wanting "low" means a low budget. */
    private static String budget(Preference price, WorldRandom random) {
        return follow(BUDGETS, price, price == null ? -1 : price.value(), random, new double[] {3, 4, 2});
    }

    /** Alcohol none / beer-wine / full-bar map to abstemious / casual / social drinkers. */
    private static String drinkLevel(Preference alcohol, WorldRandom random) {
        return follow(DRINK_LEVELS, alcohol, alcohol == null ? -1 : alcohol.value(), random, new double[] {2, 4, 3});
    }

    /** A liked cuisine gives the same favourite; a disliked one any other; no cuisine preference any cuisine. */
    private static String favouriteCuisine(Preference cuisine, WorldRandom random) {
        List<String> cuisines = RestaurantAttribute.CUISINE.options();
        double[] uniform = new double[cuisines.size()];
        java.util.Arrays.fill(uniform, 1);
        return follow(cuisines, cuisine, cuisine == null ? -1 : cuisine.value(), random, uniform);
    }

    /** Ambience quiet / casual / lively / romantic / family map to solitary / friends / friends / partner / family. */
    private static String company(Preference ambience, WorldRandom random) {
        int mapped = ambience == null ? -1 : new int[] {0, 1, 1, 2, 3}[ambience.value()];
        return follow(COMPANIES, ambience, mapped, random, new double[] {2, 4, 3, 3});
    }

    /**
     * The value matching a liked attribute value, anything but it for a disliked one, a draw from the base
     * weights when the consumer has no preference there (and now and then regardless, as noise).
     */
    private static String follow(List<String> values, Preference preference, int mapped, WorldRandom random,
                                 double[] baseWeights) {
        if (preference == null || random.chance(ATTRIBUTE_NOISE)) {
            return values.get(random.weighted(baseWeights));
        }
        if (preference.likes()) {
            return values.get(mapped);
        }
        double[] others = baseWeights.clone();
        others[mapped] = 0;
        return values.get(random.weighted(others));
    }
}
