package dev.lrrecsys.workbench.ingest.synth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes plausible, unique restaurant names from a cuisine's words ("Siam Thai Kitchen", "Nonna Trattoria").
 * When the combinations of a cuisine run out, the district and then a number tell restaurants apart
 * ("Siam Thai Kitchen Harbor", "Siam Thai Kitchen Harbor 2").
 */
final class RestaurantNamer {

    private static final int TRIES = 12;

    private final Set<String> used = new HashSet<>();

    String name(Cuisine cuisine, String district, WorldRandom random) {
        String candidate = null;
        for (int i = 0; i < TRIES; i++) {
            candidate = combine(cuisine, random);
            if (used.add(candidate)) {
                return candidate;
            }
        }
        String withDistrict = candidate + " " + district;
        if (used.add(withDistrict)) {
            return withDistrict;
        }
        for (int n = 2; ; n++) {
            String numbered = withDistrict + " " + n;
            if (used.add(numbered)) {
                return numbered;
            }
        }
    }

    private static String combine(Cuisine cuisine, WorldRandom random) {
        String prefix = pick(cuisine.namePrefixes(), random);
        int nouns = Cuisine.COMMON_NOUNS.size() + cuisine.nameNouns().size();
        int n = random.below(nouns);
        boolean ownNoun = n >= Cuisine.COMMON_NOUNS.size();
        String noun = ownNoun ? cuisine.nameNouns().get(n - Cuisine.COMMON_NOUNS.size()) : Cuisine.COMMON_NOUNS.get(n);
        // A cuisine-specific noun ("Trattoria") already says the cuisine; a common one reads better with it.
        boolean sayCuisine = !ownNoun && random.chance(0.7);
        return sayCuisine ? prefix + " " + cuisine.name() + " " + noun : prefix + " " + noun;
    }

    private static String pick(List<String> words, WorldRandom random) {
        return words.get(random.below(words.size()));
    }
}
