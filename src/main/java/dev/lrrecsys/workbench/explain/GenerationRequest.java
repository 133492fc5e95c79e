package dev.lrrecsys.workbench.explain;

/**
 * What one generation run covers.
 *
 * @param limit       only the first {@code limit} samples in id order (0 = all)
 * @param profiles    run profile augmentation first and put the profiles into the prompts
 * @param commitEvery results per committed batch (a kill loses at most this many answers)
 * @param retryRejected ask again for prompts whose stored answer was rejected (failed ones are always asked again)
 */
public record GenerationRequest(Variant variant, long limit, boolean profiles, int commitEvery, boolean retryRejected) {

    /** Batch size for LLM generators: small, because every answer cost seconds. */
    public static final int LLM_COMMIT_EVERY = 200;
    /** Batch size for the offline reasoner: large, because inserts are its only cost. */
    public static final int OFFLINE_COMMIT_EVERY = 10_000;

    /** A run that keeps rejected answers as they are. */
    public GenerationRequest(Variant variant, long limit, boolean profiles, int commitEvery) {
        this(variant, limit, profiles, commitEvery, false);
    }

    public GenerationRequest {
        if (limit < 0) {
            throw new dev.lrrecsys.workbench.WorkbenchException("--limit must be 0 (all) or more (was " + limit + ").");
        }
        if (commitEvery < 1) {
            throw new IllegalArgumentException("commitEvery must be positive");
        }
    }
}
