package dev.lrrecsys.workbench.ingest.synth;

/**
 * One synthetic restaurant.
 *
 * @param id         the product id written to the store (1-based)
 * @param values     index of its value per {@link RestaurantAttribute}, by ordinal
 * @param quality    hidden quality in stars around 0: good kitchens get better ratings from everyone
 * @param popularity relative chance of being visited (skewed, higher for better restaurants)
 */
record Restaurant(int id, String name, int[] values, double quality, double popularity) {

    int value(RestaurantAttribute attribute) {
        return values[attribute.ordinal()];
    }

    String valueName(RestaurantAttribute attribute) {
        return attribute.value(value(attribute));
    }
}
