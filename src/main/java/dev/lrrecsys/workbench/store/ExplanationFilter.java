package dev.lrrecsys.workbench.store;

/**
 * What the explanations explorer narrows to; null or blank fields do not filter.
 *
 * @param product  text contained in the product's name or external id
 * @param consumer text contained in the consumer's external id
 * @param side     exact side ('positive', 'negative', ...)
 * @param source   exact generator and model as "generator / model"
 * @param status   exact status ('ok', 'rejected', 'failed')
 * @param text     text contained in the explanation
 * @param productId exact product id (keyword drill-down), or null
 * @param group     products of one city or attribute value (keyword drill-down over a group), or null
 * @param variant   exact variant ('contrastive', 'concise', ...)
 * @param origin    {@link #GENERATED} or {@link #RETRIEVED} (reasoning pool, issue 12)
 * @param minSimilarity retrieved rows only, with at least this similarity to their seed sample; generated rows
 *                  have no similarity, so a minimum keeps retrieved rows only
 */
public record ExplanationFilter(String product, String consumer, String side, String source, String status,
                                String text, Integer productId, KeywordRepository.ProductGroup group,
                                String variant, String origin, Double minSimilarity) {

    public static final String GENERATED = "generated";
    public static final String RETRIEVED = "retrieved";

    public ExplanationFilter {
        if (origin != null && !origin.isBlank() && !GENERATED.equals(origin) && !RETRIEVED.equals(origin)) {
            throw new IllegalArgumentException("origin must be generated or retrieved, got '" + origin + "'");
        }
    }

    /** A filter without variant or origin (the drill-downs of other views). */
    public ExplanationFilter(String product, String consumer, String side, String source, String status,
                             String text, Integer productId, KeywordRepository.ProductGroup group) {
        this(product, consumer, side, source, status, text, productId, group, null, null, null);
    }

    public static ExplanationFilter none() {
        return new ExplanationFilter(null, null, null, null, null, null, null, null);
    }

    /** Whether the origin or a similarity narrows the rows (explanation_count does not know them). */
    boolean byOrigin() {
        return (origin != null && !origin.isBlank()) || minSimilarity != null;
    }
}
