package dev.lrrecsys.workbench.factors;

import dev.lrrecsys.workbench.store.ExplanationInputRepository.AttributeRow;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FactorCatalogueTest {

    private static List<AttributeRow> rows(String... nameValue) {
        AttributeRow[] out = new AttributeRow[nameValue.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new AttributeRow(nameValue[2 * i], nameValue[2 * i + 1]);
        }
        return List.of(out);
    }

    private static List<String> keys(FactorCatalogue c, int[] active) {
        return Arrays.stream(active).mapToObj(i -> c.factor(i).key()).toList();
    }

    @Test
    void readsValuesTraitsFitClashPairsAndHistoryHabits() {
        Map<Integer, List<AttributeRow>> products = new HashMap<>();
        products.put(1, rows("cuisine", "Thai", "price", "low", "state", "s.l.p.", "latitude", "22.1"));
        products.put(2, rows("cuisine", "Thai", "price", "high", "state", "SLP"));
        products.put(3, rows("cuisine", "Mexican", "price", "high", "state", "SLP"));
        products.put(4, rows("cuisine", "Italian", "price", "medium"));
        products.put(5, rows("cuisine", "Italian", "price", "medium"));
        for (int i = 10; i < 20; i++) {
            // Other places, so that two Thai places of three are a habit rather than chance.
            products.put(i, rows("cuisine", "Greek", "price", "medium"));
        }
        Map<Integer, List<AttributeRow>> consumers = Map.of(7, rows("budget", "low", "favourite_cuisine", "Thai", "age_group", "18-25"));
        FactorCatalogue c = new FactorCatalogue("restaurant", products, consumers);

        // One value for s.l.p. and SLP; the latitude is a measurement, the age band too.
        assertThat(c.factors()).extracting(Factor::key).contains("value|state|san luis potosi")
                .doesNotContain("value|latitude|22.1").noneMatch(k -> k.contains("18"));
        assertThat(c.factor("value|state|san luis potosi").label()).isEqualTo("SLP state");

        // Candidate 3 (Mexican, high) after two Thai places and one Italian: the budget clashes, the cuisine too,
        // and the history's Thai habit makes Mexican a break with it.
        assertThat(keys(c, c.active(7, 3, new int[]{-1, -1, 1, 2, 4}))).containsExactlyInAnyOrder(
                "trait|budget|low", "trait|favourite cuisine|thai",
                "value|cuisine|mexican", "value|price|high", "value|state|san luis potosi",
                "clash|budget|price|high", "clash|favourite cuisine|cuisine|mexican",
                "history-clash|cuisine|mexican",
                // s.l.p. (product 1) and SLP (product 2) are one value, so the history holds it twice.
                "history-fit|state|san luis potosi");
        // Candidate 1 (Thai, low) after two Thai places: fits both traits, and the history holds Thai.
        assertThat(keys(c, c.active(7, 1, new int[]{2, 2, 4}))).contains(
                "fit|budget|price|low", "fit|favourite cuisine|cuisine|thai", "history-fit|cuisine|thai");
    }

    @Test
    void theHistorySurplusIsTheValuesCountInTheHistoryLessWhatChanceWouldGive() {
        Map<Integer, List<AttributeRow>> products = new HashMap<>();
        products.put(1, rows("cuisine", "Thai", "price", "low"));
        for (int i = 2; i <= 10; i++) {
            products.put(i, rows("cuisine", "Greek", "price", i <= 5 ? "low" : "high"));
        }
        FactorCatalogue c = new FactorCatalogue("restaurant", products, Map.of());
        Factor thai = c.factor("value|cuisine|thai");
        Factor low = c.factor("value|price|low");
        // Thai is on 1 of 10 products, low price on 5: padding (-1) is no history product.
        assertThat(c.historySurplus(thai, new int[]{-1, 1, 1, 2})).isCloseTo(2 - 3 * 0.1, within(1e-9));
        assertThat(c.historySurplus(low, new int[]{-1, 6, 7, 8})).isCloseTo(0 - 3 * 0.5, within(1e-9));
        assertThat(c.historySurplus(low, new int[0])).isZero();
    }

    @Test
    void aMovieLensLikeProjectWithOnlyGenresAndYearsHasFactors() {
        Map<Integer, List<AttributeRow>> products = new HashMap<>();
        products.put(1, rows("genre", "Comedy", "year", "1995"));
        products.put(2, rows("genre", "Comedy", "genre", "Romance", "year", "1996"));
        products.put(3, rows("genre", "Drama", "year", "1977"));
        for (int i = 10; i < 20; i++) {
            products.put(i, rows("genre", "Western", "year", "1950"));
        }
        FactorCatalogue c = new FactorCatalogue("movie", products, Map.of());
        assertThat(c.factors()).extracting(Factor::key).contains("value|genre|comedy", "value|year|1990s",
                "value|year|1970s", "history-fit|genre|comedy");
        assertThat(c.factor("value|year|1990s").label()).isEqualTo("1990s year");
        assertThat(keys(c, c.active(9, 2, new int[]{1, 1, 3}))).contains("history-fit|genre|comedy", "value|genre|romance");
    }
}
