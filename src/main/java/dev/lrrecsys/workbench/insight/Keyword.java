package dev.lrrecsys.workbench.insight;

/**
 * One ranked keyword of a product's (or group's) explanations on one side.
 *
 * @param count           explanations of the target that mention the term (each counted once)
 * @param perExplanation  share of the target's explanations that mention it (comparable across products)
 * @param distinctiveness log-odds z-score of the term in the target against all other products (positive: more
 *                        typical of the target than of the rest)
 * @param peerShare       share of the peers' explanations (same city or category, the target left out) that
 *                        mention it
 */
public record Keyword(String term, long count, double perExplanation, double distinctiveness, double peerShare) {

    /** How much more often the target's explanations give this reason than its peers' do (shares, -1..1). */
    public double peerDifference() {
        return perExplanation - peerShare;
    }
}
