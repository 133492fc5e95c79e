package dev.lrrecsys.workbench.ingest.synth;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Chooses which restaurants a consumer visits (each at most once): mostly by popularity, half the time
 * among restaurants with something the consumer likes, and avoiding what it dislikes more often than not.
 * So histories carry the consumer's taste, as real ones do.
 */
final class VisitPlanner {

    private static final double SEEK_LIKED = 0.5;
    private static final double AVOID_DISLIKED = 0.6;
    private static final int TRIES = 40;

    private final RestaurantCatalog catalog;

    VisitPlanner(RestaurantCatalog catalog) {
        this.catalog = catalog;
    }

    /** Distinct restaurant indices in visiting order; {@code count} must not exceed the catalog size. */
    int[] plan(SyntheticConsumer consumer, int count, WorldRandom random) {
        List<Preference> likes = new ArrayList<>();
        for (Preference p : consumer.preferences()) {
            if (p.likes()) {
                likes.add(p);
            }
        }
        BitSet visited = new BitSet(catalog.size());
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int pick = drawUnvisited(consumer, likes, visited, random);
            visited.set(pick);
            out[i] = pick;
        }
        return out;
    }

    private int drawUnvisited(SyntheticConsumer consumer, List<Preference> likes, BitSet visited, WorldRandom random) {
        for (int t = 0; t < TRIES; t++) {
            int pick = draw(consumer, likes, random);
            if (pick >= 0 && !visited.get(pick)) {
                return pick;
            }
        }
        // A very active consumer has been nearly everywhere popular: take the next unvisited one from a random start.
        int start = random.below(catalog.size());
        int pick = visited.nextClearBit(start);
        return pick < catalog.size() ? pick : visited.nextClearBit(0);
    }

    private int draw(SyntheticConsumer consumer, List<Preference> likes, WorldRandom random) {
        if (!likes.isEmpty() && random.chance(SEEK_LIKED)) {
            Preference p = likes.get(random.below(likes.size()));
            return catalog.drawPopularWith(p.attribute(), p.value(), random);
        }
        int pick = catalog.drawPopular(random);
        if (consumer.preferenceEffect(catalog.at(pick)) < 0 && random.chance(AVOID_DISLIKED)) {
            return -1;
        }
        return pick;
    }
}
