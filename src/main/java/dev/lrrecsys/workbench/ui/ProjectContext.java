package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.project.Project;

import java.util.function.BiConsumer;

/**
 * What every view of an open project gets: the project, where to run work, the theme (for charts), how to
 * reach other views, and where to report a failure (action, error).
 */
public record ProjectContext(Project project, Background background, ThemeManager theme, Navigation navigation,
                             BiConsumer<String, Throwable> errors) {

    /** Saves a file of this project's exports/ folder as a task (listed in the task panel, failures in an error dialog). */
    public FileExport exporter(String title) {
        return new FileExport(title, project.exportsDir(), background, errors, java.time.LocalDate::now);
    }
}
