package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC shapes the repositories repeat: always prepared statements, never string-built SQL with data. */
final class Sql {

    private Sql() {
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static PreparedStatement prepare(Tx tx, String sql, Object... params) throws SQLException {
        PreparedStatement ps = tx.connection().prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    static int update(Tx tx, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(tx, sql, params)) {
            return ps.executeUpdate();
        }
    }

    static long count(Tx tx, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(tx, sql, params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static <T> List<T> list(Tx tx, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(tx, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    static <T> T one(Tx tx, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = list(tx, sql, mapper, params);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
