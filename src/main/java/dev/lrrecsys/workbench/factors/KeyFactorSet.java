package dev.lrrecsys.workbench.factors;

import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.KeyFactorRepository;
import dev.lrrecsys.workbench.store.KeyFactorRepository.FactorRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole dataset's key factors of the newest mask-training run, by factor key, strongest first. */
public final class KeyFactorSet {

    private final long runId;
    private final Map<String, FactorRow> byKey = new LinkedHashMap<>();

    public KeyFactorSet(long runId, List<FactorRow> rows) {
        this.runId = runId;
        for (FactorRow r : rows) {
            if (r.segmentValue().isEmpty()) {
                byKey.put(r.factorKey(), r);
            }
        }
    }

    /** The newest run's set, or empty when `lrw factors` never ran. */
    public static Optional<KeyFactorSet> load(Database db) {
        KeyFactorRepository repo = new KeyFactorRepository();
        return db.read(tx -> {
            Optional<KeyFactorRepository.RunRow> run = repo.latest(tx, false);
            if (run.isEmpty()) {
                return Optional.<KeyFactorSet>empty();
            }
            return Optional.of(new KeyFactorSet(run.get().id(), repo.factors(tx, run.get().id())));
        });
    }

    public long runId() {
        return runId;
    }

    public int size() {
        return byKey.size();
    }

    /** The stored row of a key factor, or null when the factor is not one. */
    public FactorRow get(String factorKey) {
        return byKey.get(factorKey);
    }

    /** Key factors, strongest first. */
    public List<FactorRow> rows() {
        return List.copyOf(byKey.values());
    }

    /** How strongly a factor weighs: its gate times the size of its effect (0 for a factor that is not key). */
    public double strength(String factorKey) {
        FactorRow r = byKey.get(factorKey);
        return r == null ? 0 : r.gate() * Math.abs(r.effect());
    }
}
