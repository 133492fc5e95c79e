package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.model.ExplanationFeatures;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExplanationCodeRepository;
import dev.lrrecsys.workbench.store.ExplanationCodeRepository.AutoencoderInfo;

import java.util.HashMap;
import java.util.Map;

/**
 * The explanation autoencoder's 8-dim codes of one generator, model and variant, held in memory by sample: the
 * explanation features of LR-Recsys and its positive-only variant.
 */
public final class AutoencoderCodes implements ExplanationFeatures {

    private static final int DIM = ExplanationCodeRepository.CODE_DIM;

    private final AutoencoderInfo autoencoder;
    /** Per sample: positive code then negative code; NaN where a side is missing. */
    private final Map<Long, float[]> bySample;

    private AutoencoderCodes(AutoencoderInfo autoencoder, Map<Long, float[]> bySample) {
        this.autoencoder = autoencoder;
        this.bySample = bySample;
    }

    /** The codes of the newest finished autoencoder trained on the contrastive pairs of this generator and model. */
    public static AutoencoderCodes load(Database database, String generator, String model) {
        return load(database, generator, model, ExplanationCodeRepository.CONTRASTIVE);
    }

    /**
     * The codes of the newest finished autoencoder trained on this generator's and model's pairs of {@code variant};
     * without one, a message naming the command that trains it.
     */
    public static AutoencoderCodes load(Database database, String generator, String model, String variant) {
        return loadIfPresent(database, generator, model, variant).orElseThrow(() -> new WorkbenchException(
                ExplanationCodeRepository.CONTRASTIVE.equals(variant)
                        ? "No explanation codes for generator '" + generator + "', model '" + model
                        + "': train the explanation autoencoder first."
                        : "No explanation codes for the " + variant + " explanations of generator '" + generator
                        + "', model '" + model + "': train them first with `lrw autoencoder --project DIR"
                        + (ExperimentSettings.OFFLINE_GENERATOR.equals(generator) ? ""
                        : " --generator " + generator + " --model " + model) + " --variant " + variant + "`."));
    }

    /** Like {@link #load}, empty when no autoencoder of this generator, model and variant has finished. */
    public static java.util.Optional<AutoencoderCodes> loadIfPresent(Database database, String generator, String model,
                                                                     String variant) {
        return database.read(tx -> {
            ExplanationCodeRepository repo = new ExplanationCodeRepository();
            java.util.Optional<AutoencoderInfo> found = repo.latestFinished(tx, generator, model, variant);
            if (found.isEmpty()) {
                return java.util.Optional.<AutoencoderCodes>empty();
            }
            AutoencoderInfo info = found.get();
            Map<Long, float[]> bySample = new HashMap<>();
            repo.forEachCode(tx, info.id(), (sampleId, positive, code) -> {
                float[] both = bySample.computeIfAbsent(sampleId, k -> {
                    float[] empty = new float[2 * DIM];
                    java.util.Arrays.fill(empty, Float.NaN);
                    return empty;
                });
                System.arraycopy(code, 0, both, positive ? 0 : DIM, DIM);
            });
            return java.util.Optional.of(new AutoencoderCodes(info, bySample));
        });
    }

    /** The autoencoder the codes come from (id, accuracy, checkpoint...). */
    public AutoencoderInfo autoencoder() {
        return autoencoder;
    }

    /** Samples with both codes. */
    public long completePairs() {
        return bySample.values().stream().filter(v -> !Float.isNaN(v[0]) && !Float.isNaN(v[DIM])).count();
    }

    @Override
    public int dim() {
        return DIM;
    }

    @Override
    public boolean fill(long sampleId, float[] positive, int positiveOffset, float[] negative, int negativeOffset) {
        float[] both = bySample.get(sampleId);
        if (both == null || Float.isNaN(both[0]) || Float.isNaN(both[DIM])) {
            return false;
        }
        System.arraycopy(both, 0, positive, positiveOffset, DIM);
        System.arraycopy(both, DIM, negative, negativeOffset, DIM);
        return true;
    }
}
