package dev.lrrecsys.workbench.ingest.synth;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RestaurantNamerTest {

    @Test
    void namesStayUniqueLongAfterTheWordCombinationsRunOut() {
        RestaurantNamer namer = new RestaurantNamer();
        WorldRandom random = new WorldRandom(5);
        Cuisine thai = Cuisine.ALL.get(0);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            names.add(namer.name(thai, "Harbor", random));
        }
        assertThat(names).hasSize(2_000);
        assertThat(names).anyMatch(n -> n.matches("[A-Z][a-z]+( [A-Z][a-z]+)? Thai [A-Z][a-z]+( Room)?"));
    }
}
