package dev.lrrecsys.workbench.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.ArrayList;
import java.util.List;

/**
 * The LR-Recsys recommender network (PRODUCT.md step 4): the graph of {@link LrRecsysGraph} and its CPU kernel
 * {@link LrRecsysPass}, trained like every network by {@link GraphRatingModel}; its variants (ablations) differ
 * only in what the two explanation slots receive. Explanation features wider than 8 (sentence embeddings,
 * ablation 2) get a learned projection to 8.
 */
public final class LrRecsysNetwork extends GraphRatingModel implements AttentionModel {

    private final String id;
    private final LrRecsysVariant variant;

    /** A network whose id is the variant's id ("lr-recsys", "positive-only", "id-only"). */
    public LrRecsysNetwork(LrRecsysVariant variant) {
        this(variant.id(), variant);
    }

    /** A network with its own id, e.g. "lr-recsys-minilm" for the sentence-embedding ablation. */
    public LrRecsysNetwork(String id, LrRecsysVariant variant) {
        this.id = id;
        this.variant = variant;
    }

    @Override
    public String id() {
        return id;
    }

    public LrRecsysVariant variant() {
        return variant;
    }

    @Override
    public LrRecsysNetwork usingEngine(TrainingEngine chosen) {
        super.usingEngine(chosen);
        return this;
    }

    @Override
    protected List<String> inputs() {
        List<String> inputs = new ArrayList<>(List.of(CONSUMER, PRODUCT, HISTORY));
        if (variant.usesPositive()) {
            inputs.add(POSITIVE);
        }
        if (variant.usesNegative()) {
            inputs.add(NEGATIVE);
        }
        return inputs;
    }

    @Override
    protected SDVariable logit(SameDiff sd, Shape shape, ParameterInit init) {
        return LrRecsysGraph.logit(sd, shape, variant, init);
    }

    @Override
    protected int dropoutUnits() {
        return LrRecsysPass.HIDDEN;
    }

    @Override
    SamplePass.Factory network() {
        return (layout, padding) -> new LrRecsysPass(layout, padding, variant);
    }

    /** The variant: any LR-Recsys network of the same variant reads the checkpoint, whatever its id. */
    @Override
    protected String architecture() {
        return variant.id();
    }

    @Override
    protected boolean freshOrderEachEpoch() {
        return false;
    }

    @Override
    public float[] attention(SampleSet samples) {
        return infer(samples, LrRecsysGraph.ALPHA);
    }
}
