package dev.lrrecsys.workbench.model;

import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * How to train the explanation autoencoder. Paper: learning rate 0.1, batch 128, 100 epochs; the
 * optimizer is not named there, see docs/models.md for why AdaGrad is the default.
 *
 * @param minCount        words seen fewer times in training become &lt;unk&gt;
 * @param maxVocabulary   vocabulary cap, the two special tokens included
 * @param weightDecay     L2 penalty added to every gradient (weights and word table) before the optimiser step
 * @param dropout         inverted dropout on the two tanh hidden layers (64 units each) while training
 */
public record AutoencoderSettings(int epochs, int batchSize, double learningRate, Optimizer optimizer,
                                  int minCount, int maxVocabulary, long seed, double weightDecay, double dropout) {

    /** Without regularisation (the paper's autoencoder has none). */
    public AutoencoderSettings(int epochs, int batchSize, double learningRate, Optimizer optimizer, int minCount,
                               int maxVocabulary, long seed) {
        this(epochs, batchSize, learningRate, optimizer, minCount, maxVocabulary, seed, 0, 0);
    }

    /** The optimizers offered for the autoencoder. */
    public enum Optimizer {
        ADAGRAD, ADAM, SGD;

        IUpdater updater(double learningRate) {
            return switch (this) {
                case ADAGRAD -> new AdaGrad(learningRate);
                case ADAM -> new Adam(learningRate);
                case SGD -> new Sgd(learningRate);
            };
        }
    }

    /** The paper's settings with {@code epochs} epochs. */
    public static AutoencoderSettings paper(int epochs) {
        return new AutoencoderSettings(epochs, 128, 0.1, Optimizer.ADAGRAD, 2, 5000, 42);
    }
}
