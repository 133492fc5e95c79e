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
 */
public record ExplanationFilter(String product, String consumer, String side, String source, String status,
                                String text, Integer productId, KeywordRepository.ProductGroup group) {

    public static ExplanationFilter none() {
        return new ExplanationFilter(null, null, null, null, null, null, null, null);
    }
}
