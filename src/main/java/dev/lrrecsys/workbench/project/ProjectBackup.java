package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.BackupRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one backup a project keeps: {@code backups/workbench-backup.zip}, the whole database as it was before the
 * last large job (generation, experiment), replaced whole by the next one. It costs about the compressed size of
 * the database; restoring is unzipping its {@code workbench.mv.db} over the project's.
 */
public final class ProjectBackup {

    public static final String DIR = "backups";
    public static final String FILE_NAME = "workbench-backup.zip";

    private ProjectBackup() {
    }

    /** Where a project's backup lives (it may not exist). */
    public static Path file(Path projectDir) {
        return projectDir.resolve(DIR).resolve(FILE_NAME);
    }

    /** Replaces the project's backup with the database's current state; returns the backup's size in bytes. */
    public static long take(Project project) {
        Path target = file(project.dir());
        Path partial = target.resolveSibling(FILE_NAME + ".partial");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(partial);
            project.database().read(tx -> {
                new BackupRepository().backupTo(tx, partial);
                return null;
            });
            // The old backup stays until the new one is whole.
            WholeFile.replace(partial, target);
            return Files.size(target);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write the project's backup " + target + ": " + e.getMessage(), e);
        }
    }

    /** What a user whose database is damaged can do, for the messages that refuse to open it. */
    static String restoreHint(Path projectDir) {
        Path backup = file(projectDir);
        String check = " `lrw project check --project " + projectDir + "` says what the folder holds.";
        if (Files.exists(backup)) {
            return "A backup taken before the last generation or experiment is " + backup + ": unzip its "
                    + Project.DB_FILE_NAME + " into the folder (replacing the damaged one) to go back to that state." + check;
        }
        return "There is no backup in " + projectDir.resolve(DIR) + " (one is kept from the first generation or "
                + "experiment on)." + check;
    }
}
