package dev.lrrecsys.workbench.store;

/** The row shapes the dataset browser shows; each is one line of a paged table. */
public final class BrowseRows {

    private BrowseRows() {
    }

    /** A consumer with its attributes flattened to "name=value; ..." and its number of interactions. */
    public record ConsumerRow(int id, String externalId, String attributes, long interactions) {
    }

    /** A product with attributes, profile (null until augmentation), interaction count and mean rating. */
    public record ProductRow(int id, String externalId, String name, String city, String attributes, String profile,
                             long interactions, double meanRating) {
    }

    /** One rating event, with the names a person recognises. */
    public record InteractionRow(long id, String consumer, String product, double rating, Long timestamp) {
    }

    /** How many interactions carry one rating value. */
    public record RatingCount(double rating, long count) {
    }
}
