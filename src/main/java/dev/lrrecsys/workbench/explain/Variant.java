package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What is generated per sample: the paper's contrastive pair (default) or one of its ablation variants. */
public enum Variant {
    CONTRASTIVE("contrastive", List.of(Side.POSITIVE, Side.NEGATIVE)),
    POSITIVE_ONLY("positive-only", List.of(Side.POSITIVE)),
    GENERAL("general", List.of(Side.GENERAL)),
    ASPECTS("aspects", List.of(Side.ASPECTS)),
    HISTORY_SUMMARY("history-summary", List.of(Side.SUMMARY)),
    DIRECT_RATING("direct-rating", List.of(Side.RATING)),
    /** ConciseExplain: the contrastive pair naming only the project's key factors (`lrw factors`). */
    CONCISE("concise", List.of(Side.POSITIVE, Side.NEGATIVE));

    private final String key;
    private final List<Side> sides;

    Variant(String key, List<Side> sides) {
        this.key = key;
        this.sides = sides;
    }

    public static Variant of(String key) {
        for (Variant v : values()) {
            if (v.key.equals(key)) {
                return v;
            }
        }
        throw new WorkbenchException("Unknown variant '" + key + "': use one of "
                + Arrays.stream(values()).map(Variant::key).collect(Collectors.joining(", ")) + ".");
    }

    /**
     * The variants with a positive and a negative side (contrastive, concise): the pairs the explanation autoencoder
     * encodes and the models read.
     */
    public static List<Variant> pairs() {
        return Arrays.stream(values()).filter(v -> v.sides.equals(List.of(Side.POSITIVE, Side.NEGATIVE))).toList();
    }

    /** The pair variant of this key, or null when there is none. */
    public static Variant pairOrNull(String key) {
        return pairs().stream().filter(v -> v.key.equals(key)).findFirst().orElse(null);
    }

    /** What is said when {@code key} is not a pair variant: one line listing the accepted ones. */
    public static String notAPairMessage(String key) {
        List<String> keys = pairs().stream().map(Variant::key).toList();
        return "variant must be " + String.join(" or ", keys) + " (the variants with a positive and a negative side), "
                + "got '" + key + "'.";
    }

    /** The value of the explanation.variant column. */
    public String key() {
        return key;
    }

    public List<Side> sides() {
        return sides;
    }

    /** The prompt_template.kind that writes this side: the contrastive pair has one template per side. */
    public String templateKind(Side side) {
        return switch (this) {
            case CONTRASTIVE -> side.key();
            case CONCISE -> key + "-" + side.key();
            default -> key;
        };
    }
}
