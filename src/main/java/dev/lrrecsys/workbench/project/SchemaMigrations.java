package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;

import java.nio.file.Path;

/** Brings a project's schema up to this version's, and refuses schemas written by a newer version. */
final class SchemaMigrations {

    private SchemaMigrations() {
    }

    static void migrate(Database db, Path projectDir) {
        Flyway flyway = Flyway.configure()
                .dataSource(db.dataSource())
                .locations("classpath:db/migration")
                .cleanDisabled(true)
                .load();
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        MigrationVersion newestKnown = newestKnown(info);
        if (current != null && current.getVersion() != null && newestKnown != null
                && current.getVersion().isNewerThan(newestKnown.getVersion())) {
            throw new WorkbenchException("The project " + projectDir + " was written by a newer LR-Recsys Workbench (schema version "
                    + current.getVersion() + "; this version knows up to " + newestKnown
                    + "): update the workbench to open it.");
        }
        try {
            flyway.migrate();
        } catch (FlywayValidateException e) {
            // A schema step already applied to this project differs from this version's (a pre-release build
            // changed it): migrating would build on tables this version does not know, so nothing is touched.
            throw new WorkbenchException("The project " + projectDir + " was created by a pre-release build of the"
                    + " workbench whose database layout differs from this version's (" + firstLine(e.getMessage())
                    + "). It was left unchanged: create a new project and import its data again.", e);
        }
    }

    /** Flyway's validation report without its advice lines, e.g. "Migration checksum mismatch for migration version 2". */
    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        String prefix = "Validate failed: Migrations have failed validation";
        if (m.startsWith(prefix)) {
            m = m.substring(prefix.length()).strip();
        }
        int end = m.indexOf('\n');
        return (end < 0 ? m : m.substring(0, end)).strip();
    }

    private static MigrationVersion newestKnown(MigrationInfoService info) {
        MigrationVersion newest = null;
        for (MigrationInfo m : info.all()) {
            boolean local = m.getState().isResolved();
            if (local && m.getVersion() != null && (newest == null || m.getVersion().isNewerThan(newest.getVersion()))) {
                newest = m.getVersion();
            }
        }
        return newest;
    }
}
