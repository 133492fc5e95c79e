package dev.lrrecsys.workbench.store;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.CaseRepository.ProductItem;
import dev.lrrecsys.workbench.store.CaseRepository.ProductPage;
import dev.lrrecsys.workbench.ui.SampleCopy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case workbench's product picker query against a brute-force match over every product of the sample project.
 * Slow: copying the sample project with explanations takes 10-20 s on a loaded machine.
 */
@Tag("slow")
class CaseProductSearchTest {

    @Test
    void searchMatchesIdNameCityAndAttributesLimitedWithTheTotal(@TempDir Path tmp) throws Exception {
        try (Project p = SampleCopy.openWithExplanations(tmp)) {
            Database db = p.database();
            CaseRepository cases = new CaseRepository();
            List<Object[]> products = db.read(tx -> Sql.list(tx, "SELECT id, external_id, name, city FROM product",
                    rs -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)}));
            Map<Integer, StringBuilder> text = new HashMap<>();
            for (Object[] r : products) {
                text.put((Integer) r[0], new StringBuilder(r[1] + "\n" + r[2] + "\n" + (r[3] == null ? "" : r[3])));
            }
            db.read(tx -> Sql.list(tx, "SELECT product_id, name, val FROM product_attribute",
                    rs -> text.get(rs.getInt(1)).append("\n").append(rs.getString(2)).append("\n").append(rs.getString(3))));
            String value = db.read(tx -> Sql.one(tx, "SELECT val FROM product_attribute ORDER BY product_id, name LIMIT 1", rs -> rs.getString(1)));
            String city = (String) products.stream().filter(r -> r[3] != null).findFirst().orElseThrow()[3];
            Object[] some = products.get(products.size() / 2);

            for (String q : List.of("", value.toUpperCase(Locale.ROOT), city.toLowerCase(Locale.ROOT), (String) some[2], "zz%_no such")) {
                String needle = q.toLowerCase(Locale.ROOT);
                long expected = text.values().stream().filter(t -> t.toString().toLowerCase(Locale.ROOT).contains(needle)).count();
                ProductPage page = db.read(tx -> cases.searchProducts(tx, q, 7));
                assertThat(page.total()).as(q).isEqualTo(expected);
                assertThat(page.items()).as(q).hasSize((int) Math.min(7, expected))
                        .allMatch(i -> text.get(i.id()).toString().toLowerCase(Locale.ROOT).contains(needle));
            }
            assertThat(products.size()).isGreaterThan(7);
            ProductPage exact = db.read(tx -> cases.searchProducts(tx, ((String) some[1]).toUpperCase(Locale.ROOT), 3));
            assertThat(exact.items().get(0).externalId()).isEqualTo(some[1]);
            ProductItem first = exact.items().get(0);
            assertThat(first.label()).startsWith(first.externalId() + "  " + first.name());
            if (!first.attributes().isEmpty()) {
                assertThat(first.label()).endsWith(first.attributes());
            }
        }
    }
}
