package dev.lrrecsys.workbench.insight;

/**
 * One ranked keyword of a product's (or group's) explanations on one side.
 *
 * @param count           occurrences in the target's explanations
 * @param perExplanation  occurrences per explanation of the target (comparable across products)
 * @param distinctiveness log-odds z-score of the term in the target against all other products (positive: more
 *                        typical of the target than of the rest)
 */
public record Keyword(String term, long count, double perExplanation, double distinctiveness) {
}
