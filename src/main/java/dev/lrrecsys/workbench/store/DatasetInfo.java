package dev.lrrecsys.workbench.store;

import java.time.OffsetDateTime;

/**
 * What a project's dataset is: its origin, its domain (chooses the prompt wording) and its rating scale,
 * with the threshold from which a rating counts as "high".
 */
public record DatasetInfo(String name, String format, String domain, String source,
                          double ratingMin, double ratingMax, double highThreshold,
                          boolean hasTime, OffsetDateTime importedAt) {

    /** Default "high": the top 40% of the scale (4-5 on 1..5, 2 on 0..2). */
    public static double defaultHighThreshold(double min, double max) {
        return max - 0.4 * (max - min);
    }

    public boolean isHigh(double rating) {
        return rating >= highThreshold - 1e-9;
    }

    /** The rating mapped to [0,1] on this scale. */
    public double scaled(double rating) {
        return (rating - ratingMin) / (ratingMax - ratingMin);
    }
}
