package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;

import java.nio.file.Path;

/** Another process (a second workbench window, a CLI run) holds the project's database open. */
public final class ProjectLockedException extends WorkbenchException {
    public ProjectLockedException(Path projectDir) {
        super("The project " + projectDir + " is open in another process (its database file is locked): "
                + "close the other workbench window or wait for the other command to finish, then try again.");
    }
}
