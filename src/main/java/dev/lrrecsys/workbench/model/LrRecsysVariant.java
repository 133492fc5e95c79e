package dev.lrrecsys.workbench.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the LR-Recsys network receives in its two explanation slots. The network is the same in every
 * variant; a slot without explanation features holds a learned constant vector instead, so the ablations
 * keep the model's capacity and lose only the information.
 */
public enum LrRecsysVariant {
    /** Both explanation feature vectors (autoencoder codes, or sentence embeddings for ablation 2). */
    LR_RECSYS("lr-recsys", true, true),
    /** The positive explanation only; the negative slot is a learned constant. */
    POSITIVE_ONLY("positive-only", true, false),
    /** Paper's ablation 1: free learnable vectors in both slots, no explanation information at all. */
    ID_ONLY("id-only", false, false);

    private final String id;
    private final boolean usesPositive;
    private final boolean usesNegative;

    LrRecsysVariant(String id, boolean usesPositive, boolean usesNegative) {
        this.id = id;
        this.usesPositive = usesPositive;
        this.usesNegative = usesNegative;
    }

    public String id() {
        return id;
    }

    public boolean usesPositive() {
        return usesPositive;
    }

    public boolean usesNegative() {
        return usesNegative;
    }

    /** The variant with this id, e.g. "id-only". */
    public static LrRecsysVariant byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown LR-Recsys variant: " + id));
    }
}
