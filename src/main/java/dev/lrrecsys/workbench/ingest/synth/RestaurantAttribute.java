package dev.lrrecsys.workbench.ingest.synth;

import java.util.List;

/** The attributes every synthetic restaurant has, with the exact names stored in {@code product_attribute}. */
enum RestaurantAttribute {
    CUISINE("cuisine", Cuisine.ALL.stream().map(Cuisine::name).toList()),
    PRICE("price", List.of("low", "medium", "high")),
    AMBIENCE("ambience", List.of("quiet", "casual", "lively", "romantic", "family")),
    ALCOHOL("alcohol", List.of("none", "beer-wine", "full-bar")),
    LOCATION("location", List.of("Old Town", "Harbor", "University", "Riverside", "Midtown", "Hillcrest"));

    /** The one city of the world; districts are its {@link #LOCATION} values. */
    static final String CITY = "Lakeport";

    private final String storedName;
    private final List<String> values;

    RestaurantAttribute(String storedName, List<String> values) {
        this.storedName = storedName;
        this.values = values;
    }

    String storedName() {
        return storedName;
    }

    List<String> options() {
        return values;
    }

    String value(int index) {
        return values.get(index);
    }

    int indexOf(String value) {
        int i = values.indexOf(value);
        if (i < 0) {
            throw new IllegalArgumentException(value + " is not a value of " + storedName);
        }
        return i;
    }
}
