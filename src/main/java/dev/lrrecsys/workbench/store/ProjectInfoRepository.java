package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The summary counts that `lrw info` prints and the start screen shows, as ordered key/value pairs. */
public final class ProjectInfoRepository {

    public Map<String, String> summary(Tx tx) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        new DatasetRepository().find(tx).ifPresentOrElse(d -> {
            out.put("dataset", d.name());
            out.put("format", d.format());
            out.put("domain", d.domain());
            out.put("rating scale", fmt(d.ratingMin()) + ".." + fmt(d.ratingMax()) + " (high >= " + fmt(d.highThreshold()) + ")");
            out.put("time order", d.hasTime() ? "timestamps" : "file order");
        }, () -> out.put("dataset", "(none: import one with `lrw import`)"));
        out.put("consumers", Long.toString(Sql.count(tx, "SELECT COUNT(*) FROM consumer")));
        out.put("products", Long.toString(Sql.count(tx, "SELECT COUNT(*) FROM product")));
        out.put("interactions", Long.toString(Sql.count(tx, "SELECT COUNT(*) FROM interaction")));
        // The importer's own words (note) say what it left out and why, e.g. the sample's 808 restaurants with no name.
        String[] lastImport = Sql.one(tx, "SELECT rows_imported || ' rows, ' || rows_rejected || ' rejected, ' || "
                + "products_skipped || ' products skipped', note FROM import_log ORDER BY id DESC LIMIT 1",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        if (lastImport != null) {
            out.put("last import", lastImport[0]);
            String note = lastImport[1];
            if (note != null && !note.isBlank()) {
                out.put("import notes", note.replaceAll("\\s+", " ").strip());
            }
        }
        out.put("samples", new SampleRepository().counts(tx).describe());
        out.put("explanations", new ExplanationRepository().describeCounts(tx));
        new ExplanationCodeRepository().latestFinished(tx).ifPresent(a -> out.put("autoencoder",
                "#" + a.id() + " on " + a.generator()
                        + (ExplanationCodeRepository.CONTRASTIVE.equals(a.variant()) ? "" : " " + a.variant())
                        + " explanations, " + a.vocabularySize() + " words, "
                        + a.epochs() + " epochs, test token accuracy "
                        + (a.testAccuracy() == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.4f", a.testAccuracy()))
                        + ", " + a.codesWritten() + " codes"));
        putRuns(tx, out);
        return out;
    }

    private static void putRuns(Tx tx, Map<String, String> out) throws SQLException {
        ExperimentRepository experiments = new ExperimentRepository();
        out.put("runs", Long.toString(experiments.countRuns(tx)));
        long interrupted = experiments.countInterruptedRuns(tx);
        if (interrupted > 0) {
            out.put("interrupted runs", interrupted + " (the process ended while they ran: `lrw experiment --resume` "
                    + "trains them again)");
        }
        var last = experiments.lastRun(tx, false);
        if (last.isPresent()) {
            RunRecord run = last.get();
            out.put("last run", run.id() + " (" + run.model() + ", experiment " + run.experimentId() + ")");
            experiments.experiment(tx, run.experimentId()).ifPresent(e -> {
                out.put("last run backend", e.backend());
                out.put("last run device", e.device());
            });
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
