package dev.lrrecsys.workbench.ui.settings;

import java.util.Map;

/**
 * One line on each model for the Train dialog, in the words of README.md's "## Models" table (evaluate.ModelCatalog
 * names the models and their roles but does not describe them; when it does, this map should go).
 */
public final class ModelDescriptions {

    private static final Map<String, String> LINES = Map.of(
            "lr-recsys", "ours: consumer, product and history embeddings plus the explanations' autoencoder codes",
            "shuffled", "control: the same network on explanation codes shuffled across samples (no content)",
            "id-only", "baseline: the same network with learned constants in the explanation slots",
            "positive-only", "variant: the same network given only the positive explanation",
            "minilm", "variant: the same network fed MiniLM sentence embeddings instead of autoencoder codes",
            "ncf", "variant: neural collaborative filtering over consumer, product and explanation codes",
            "mf", "baseline: matrix factorisation with biases",
            "sasrec", "baseline: SASRec, a self-attentive sequential recommender over the history");

    private ModelDescriptions() {
    }

    /** The model's line, or "" for a model this build does not describe. */
    public static String of(String model) {
        return LINES.getOrDefault(model, "");
    }
}
