package dev.lrrecsys.workbench.explain;

/**
 * What one generation run covers.
 *
 * @param limit       only the first {@code limit} samples in id order (0 = all)
 * @param profiles    run profile augmentation first and put the profiles into the prompts
 * @param commitEvery results per committed batch (a kill loses at most this many answers)
 */
public record GenerationRequest(Variant variant, long limit, boolean profiles, int commitEvery) {

    /** Batch size for LLM generators: small, because every answer cost seconds. */
    public static final int LLM_COMMIT_EVERY = 200;
    /** Batch size for the offline reasoner: large, because inserts are its only cost. */
    public static final int OFFLINE_COMMIT_EVERY = 10_000;

    public GenerationRequest {
        if (limit < 0) {
            throw new dev.lrrecsys.workbench.WorkbenchException("--limit must be 0 (all) or more (was " + limit + ").");
        }
        if (commitEvery < 1) {
            throw new IllegalArgumentException("commitEvery must be positive");
        }
    }
}
