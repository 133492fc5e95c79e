package dev.lrrecsys.workbench.store;

import java.sql.SQLException;

/**
 * How full H2's file is: its size and the share of its chunks still holding live data. H2 appends and never reuses
 * space while compaction is off (see ProjectDatabase), so a low fill rate means the file is mostly dead data.
 */
public record StorageStats(long fileBytes, int chunksFillPercent) {

    public static StorageStats read(Tx tx) throws SQLException {
        long size = Long.parseLong(setting(tx, "info.FILE_SIZE", "0"));
        int fill = Integer.parseInt(setting(tx, "info.CHUNKS_FILL_RATE", "100"));
        return new StorageStats(size, fill);
    }

    private static String setting(Tx tx, String name, String fallback) throws SQLException {
        String v = Sql.one(tx, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?",
                rs -> rs.getString(1), name);
        return v == null ? fallback : v.trim();
    }
}
