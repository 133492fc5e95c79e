package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.ExplanationInputRepository;
import dev.lrrecsys.workbench.store.ExplanationInputRepository.AttributeRow;
import dev.lrrecsys.workbench.store.ExplanationInputRepository.ProductRow;
import dev.lrrecsys.workbench.store.ExplanationInputRepository.SampleRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's products and consumers held in memory while generating, so that a sample becomes a
 * {@link SampleContext} without a query per sample.
 */
final class GenerationInputs {

    private static final ConsumerFacts NO_ATTRIBUTES = new ConsumerFacts(-1, List.of());

    private final DatasetInfo dataset;
    private final Domain domain;
    private final Map<Integer, ProductFacts> products;
    private final Map<Integer, ConsumerFacts> consumers;

    private GenerationInputs(DatasetInfo dataset, Map<Integer, ProductFacts> products, Map<Integer, ConsumerFacts> consumers) {
        this.dataset = dataset;
        this.domain = Domain.of(dataset.domain());
        this.products = products;
        this.consumers = consumers;
    }

    /** The dataset row, or the message that the project has none yet. */
    static DatasetInfo dataset(Database db) {
        return db.read(tx -> new DatasetRepository().find(tx)).orElseThrow(() -> new WorkbenchException(
                "The project has no dataset yet: import one with `lrw import` first."));
    }

    static GenerationInputs load(Database db) {
        DatasetInfo dataset = dataset(db);
        ExplanationInputRepository repo = new ExplanationInputRepository();
        return db.read(tx -> {
            Map<Integer, ProductFacts> products = new HashMap<>();
            for (ProductRow p : repo.products(tx).values()) {
                products.put(p.id(), new ProductFacts(p.id(), p.name(), attributes(p.attributes()), null));
            }
            Map<Integer, ConsumerFacts> consumers = new HashMap<>();
            repo.consumerAttributes(tx).forEach((id, rows) -> consumers.put(id, new ConsumerFacts(id, attributes(rows))));
            return new GenerationInputs(dataset, products, consumers);
        });
    }

    private static List<Attribute> attributes(List<AttributeRow> rows) {
        List<Attribute> out = new ArrayList<>(rows.size());
        for (AttributeRow r : rows) {
            out.add(new Attribute(r.name(), r.value()));
        }
        return List.copyOf(out);
    }

    /** Puts accepted profiles into the products the prompts show. */
    void useProfiles(Map<Integer, String> profiles) {
        profiles.forEach((id, text) -> products.computeIfPresent(id, (k, p) -> p.withProfile(text)));
    }

    Domain domain() {
        return domain;
    }

    DatasetInfo dataset() {
        return dataset;
    }

    java.util.Collection<ProductFacts> products() {
        return products.values();
    }

    SampleContext context(SampleRef ref) {
        List<ProductFacts> history = new ArrayList<>(ref.history().length);
        for (int id : ref.history()) {
            history.add(product(id));
        }
        ConsumerFacts consumer = consumers.get(ref.consumerId());
        if (consumer == null) {
            consumer = new ConsumerFacts(ref.consumerId(), NO_ATTRIBUTES.attributes());
        }
        return new SampleContext(ref.id(), domain, consumer, List.copyOf(history), product(ref.productId()));
    }

    private ProductFacts product(int id) {
        ProductFacts p = products.get(id);
        if (p == null) {
            throw new IllegalStateException("sample refers to product " + id + " which is not stored");
        }
        return p;
    }
}
