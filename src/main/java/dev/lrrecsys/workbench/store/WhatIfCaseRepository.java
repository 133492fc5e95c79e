package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/** The named "what if" cases of the case workbench: counterfactual edits kept apart from the data they edit. */
public final class WhatIfCaseRepository {

    /** One saved case; history and candidate hold products' external ids. */
    public record WhatIfCase(long id, String name, OffsetDateTime createdAt, long sampleId, long runId, String positive,
                             String negative, List<String> history, String candidate, double prediction,
                             double counterfactual) {
    }

    public boolean exists(Tx tx, String name) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM what_if_case WHERE name = ?", name) > 0;
    }

    public long save(Tx tx, WhatIfCase c) throws SQLException {
        Sql.update(tx, "INSERT INTO what_if_case (name, created_at, sample_id, run_id, positive, negative, history, candidate, "
                        + "prediction, counterfactual) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.name(), c.createdAt(), c.sampleId(), c.runId(), c.positive(), c.negative(), String.join(",", c.history()),
                c.candidate(), c.prediction(), c.counterfactual());
        return Sql.one(tx, "SELECT id FROM what_if_case WHERE name = ?", rs -> rs.getLong(1), c.name());
    }

    public List<WhatIfCase> all(Tx tx) throws SQLException {
        return Sql.list(tx, "SELECT id, name, created_at, sample_id, run_id, positive, negative, history, candidate, prediction, "
                        + "counterfactual FROM what_if_case ORDER BY id",
                rs -> new WhatIfCase(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getLong(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7),
                        rs.getString(8).isEmpty() ? List.of() : List.of(rs.getString(8).split(",")), rs.getString(9),
                        rs.getDouble(10), rs.getDouble(11)));
    }
}
