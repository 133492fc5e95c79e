package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;

/**
 * How a reasoning pool chooses its seed consumers (the defaults live in workflow.GenerateExplanations.Settings).
 *
 * @param fraction         share of consumers that are seeds, in (0, 1]; 1 generates for everyone
 * @param longHistoryShare share of the seeds drawn by the long-history bias, in [0, 1]; the rest by K-means clusters
 * @param seed             the random seed of K-means and the draws
 * @param match            which seed samples a sample may reuse the pair of
 */
public record PoolSettings(double fraction, double longHistoryShare, long seed, PoolMatch match) {

    public PoolSettings {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new WorkbenchException("pool fraction must be more than 0 and at most 1, got " + fraction + ".");
        }
        if (!(longHistoryShare >= 0 && longHistoryShare <= 1)) {
            throw new WorkbenchException("pool long-history share must be from 0 to 1, got " + longHistoryShare + ".");
        }
        if (match == null) {
            throw new WorkbenchException("pool match must be chosen.");
        }
    }
}
