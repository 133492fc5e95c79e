package dev.lrrecsys.workbench.ui.start;

import java.nio.file.Path;

/** What the start screen's buttons ask the window to do (the window owns the dialogs). */
public interface StartActions {
    void openSample();

    void newProject();

    void openProject();

    void importDataset();

    void openRecent(Path dir);
}
