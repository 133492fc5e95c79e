package dev.lrrecsys.workbench.explain;

import java.util.Locale;

/** The kind of product a dataset is about, which fixes the wording of prompts and sentences. */
public enum Domain {
    RESTAURANT("restaurant", "restaurants", "visited", "visit"),
    HOTEL("hotel", "hotels", "stayed at", "stay at"),
    MOVIE("movie", "movies", "watched", "watch"),
    PRODUCT("product", "products", "purchased", "purchase");

    private final String noun;
    private final String plural;
    private final String pastVerb;
    private final String baseVerb;

    Domain(String noun, String plural, String pastVerb, String baseVerb) {
        this.noun = noun;
        this.plural = plural;
        this.pastVerb = pastVerb;
        this.baseVerb = baseVerb;
    }

    /** The dataset's domain column; anything unknown reads as the neutral "product". */
    public static Domain of(String key) {
        if (key != null) {
            for (Domain d : values()) {
                if (d.noun.equals(key.trim().toLowerCase(Locale.ROOT))) {
                    return d;
                }
            }
        }
        return PRODUCT;
    }

    public String key() {
        return noun;
    }

    public String noun() {
        return noun;
    }

    public String plural() {
        return plural;
    }

    public String pastVerb() {
        return pastVerb;
    }

    public String baseVerb() {
        return baseVerb;
    }
}
