package dev.lrrecsys.workbench.ingest.synth;

import java.util.List;
import java.util.Map;

/**
 * One synthetic consumer: the hidden preferences that drive its ratings, the visible attributes that
 * correlate with them (stored in {@code consumer_attribute}), and how generous a rater it is.
 *
 * @param generosity stars this consumer adds to (or takes from) every rating
 */
record SyntheticConsumer(int id, List<Preference> preferences, Map<String, String> attributes, double generosity) {

    /** Stars the preferences add to a visit of this restaurant (0 when none applies). */
    double preferenceEffect(Restaurant restaurant) {
        double effect = 0;
        for (Preference p : preferences) {
            if (p.matches(restaurant)) {
                effect += p.weight();
            }
        }
        return effect;
    }
}
