package dev.lrrecsys.workbench.store;

/**
 * One row of table {@code sample} as the models read it.
 *
 * @param history the 5 history product ids, oldest to newest, -1 where the consumer had fewer
 */
public record StoredSample(long id, int consumerId, int productId, double rating, int position, int[] history,
                           boolean test) {
}
