package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.model.LrRecsysNetwork;
import dev.lrrecsys.workbench.model.LrRecsysVariant;
import dev.lrrecsys.workbench.model.MatrixFactorisation;
import dev.lrrecsys.workbench.model.NeuralCollaborativeFiltering;
import dev.lrrecsys.workbench.model.RatingModel;
import dev.lrrecsys.workbench.model.SelfAttentiveSequenceModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The models an experiment can train, by id, with what feeds their explanation slots and their role in the
 * result table: LR-Recsys itself, its variants (ablations and robustness checks), or a baseline it is
 * compared against.
 */
public final class ModelCatalog {

    public static final String LR_RECSYS = "lr-recsys";
    /**
     * The negative control: LR-Recsys trained and tested on explanation codes permuted across samples within
     * each split (seeded), so that it has the same inputs' distribution and capacity but no explanation content.
     */
    public static final String SHUFFLED = "shuffled";
    /** Ablation 2: the LR-Recsys network fed sentence embeddings instead of autoencoder codes. */
    public static final String MINILM = "minilm";

    /**
     * Where a model's explanation features come from. {@code SHUFFLED_AUTOENCODER_CODES}: the autoencoder codes
     * permuted across samples within each split of a run (training, validation and test each on its own, seeded
     * by the run's seed), so every sample carries some other sample's explanation pair.
     */
    public enum Features {
        NONE, AUTOENCODER_CODES, SHUFFLED_AUTOENCODER_CODES, SENTENCE_EMBEDDINGS;

        /** Whether the model reads the explanation autoencoder's codes, as they are or shuffled. */
        public boolean readsCodes() {
            return this == AUTOENCODER_CODES || this == SHUFFLED_AUTOENCODER_CODES;
        }
    }

    /** How a model takes part in the comparison. */
    public enum Role {
        LR_RECSYS("ours"), VARIANT("variant"), BASELINE("baseline"), CONTROL("control");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        /** How tables name the role: "ours", "variant", "baseline" or "control". */
        public String label() {
            return label;
        }
    }

    /** One trainable model kind. */
    public record Entry(String id, Features features, Role role,
                        Supplier<RatingModel> factory) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Every model this build offers, in table order. */
    public static ModelCatalog standard() {
        ModelCatalog c = new ModelCatalog();
        c.add(new Entry(LR_RECSYS, Features.AUTOENCODER_CODES, Role.LR_RECSYS,
                () -> new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS)));
        c.add(new Entry(SHUFFLED, Features.SHUFFLED_AUTOENCODER_CODES, Role.CONTROL,
                () -> new LrRecsysNetwork(SHUFFLED, LrRecsysVariant.LR_RECSYS)));
        c.add(new Entry(LrRecsysVariant.ID_ONLY.id(), Features.NONE, Role.BASELINE,
                () -> new LrRecsysNetwork(LrRecsysVariant.ID_ONLY)));
        c.add(new Entry(LrRecsysVariant.POSITIVE_ONLY.id(), Features.AUTOENCODER_CODES, Role.VARIANT,
                () -> new LrRecsysNetwork(LrRecsysVariant.POSITIVE_ONLY)));
        c.add(new Entry(MINILM, Features.SENTENCE_EMBEDDINGS, Role.VARIANT,
                () -> new LrRecsysNetwork(MINILM, LrRecsysVariant.LR_RECSYS)));
        c.add(new Entry(NeuralCollaborativeFiltering.ID, Features.AUTOENCODER_CODES, Role.VARIANT,
                NeuralCollaborativeFiltering::new));
        c.add(new Entry(MatrixFactorisation.ID, Features.NONE, Role.BASELINE, MatrixFactorisation::new));
        c.add(new Entry(SelfAttentiveSequenceModel.ID, Features.NONE, Role.BASELINE, SelfAttentiveSequenceModel::new));
        return c;
    }

    public void add(Entry entry) {
        entries.put(entry.id(), entry);
    }

    public List<String> ids() {
        return new ArrayList<>(entries.keySet());
    }

    public Entry get(String id) {
        Entry e = entries.get(id);
        if (e == null) {
            throw new WorkbenchException("Unknown model '" + id + "': choose from " + String.join(", ", ids()) + ".");
        }
        return e;
    }
}
