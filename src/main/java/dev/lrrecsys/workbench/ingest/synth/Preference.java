package dev.lrrecsys.workbench.ingest.synth;

/**
 * One hidden driver of a consumer's ratings: a restaurant attribute value and how many stars it adds
 * (positive: likes) or takes away (negative: dislikes) when a restaurant has it. Written to {@code ground_truth}.
 */
record Preference(RestaurantAttribute attribute, int value, double weight) {

    boolean matches(Restaurant restaurant) {
        return restaurant.value(attribute) == value;
    }

    boolean likes() {
        return weight > 0;
    }

    String valueName() {
        return attribute.value(value);
    }
}
