package dev.lrrecsys.workbench.ingest.synth;

/**
 * A synthetic rating on 1..5: a base of {@value #BASE} stars, plus the consumer's preferences that the
 * restaurant matches, the consumer's generosity, the restaurant's quality and Gaussian noise, rounded and clamped.
 */
final class RatingDraw {

    static final double BASE = 3.0;
    static final double NOISE = 0.7;

    private RatingDraw() {
    }

    static int rating(SyntheticConsumer consumer, Restaurant restaurant, WorldRandom random) {
        double stars = BASE + consumer.preferenceEffect(restaurant) + consumer.generosity() + restaurant.quality()
                + NOISE * random.gaussian();
        return (int) Math.max(1, Math.min(5, Math.round(stars)));
    }
}
