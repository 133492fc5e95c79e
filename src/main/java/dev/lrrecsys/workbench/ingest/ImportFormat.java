package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The data formats `lrw import` reads, each with its id on the command line and its domain. */
public enum ImportFormat {
    RESTAURANT_CONSUMER("restaurant-consumer", "restaurant"),
    YELP("yelp", "restaurant"),
    AMAZON("amazon", "product"),
    MOVIELENS("movielens", "movie"),
    CSV("csv", "product");

    private final String id;
    private final String domain;

    ImportFormat(String id, String domain) {
        this.id = id;
        this.domain = domain;
    }

    public String id() {
        return id;
    }

    /** The default domain (prompt wording); the csv mapping may choose another. */
    public String domain() {
        return domain;
    }

    public static ImportFormat fromId(String id) {
        for (ImportFormat f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new WorkbenchException("unknown format '" + id + "': use one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(ImportFormat::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
