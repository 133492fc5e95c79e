package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The record of generation runs: started, then finished with its outcome and counts. */
public final class GenerationRunRepository {

    public long start(Tx tx, String generator, String model, String variant) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO generation_run (started_at, generator, "
                + "model, variant, outcome) VALUES (CURRENT_TIMESTAMP, ?, ?, ?, 'running')", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, generator);
            ps.setString(2, model);
            ps.setString(3, variant);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public void finish(Tx tx, long id, String outcome, long ok, long cached, long rejected, long failed, double seconds)
            throws SQLException {
        Sql.update(tx, "UPDATE generation_run SET finished_at = CURRENT_TIMESTAMP, outcome = ?, ok = ?, cached = ?, "
                + "rejected = ?, failed = ?, seconds = ? WHERE id = ?", outcome, ok, cached, rejected, failed, seconds, id);
    }

    /** Marks generation runs still "running" as interrupted (see {@link ExperimentRepository#markInterrupted}). */
    public int markInterrupted(Tx tx) throws SQLException {
        return Sql.update(tx, "UPDATE generation_run SET outcome = 'interrupted' WHERE outcome = 'running'");
    }
}
