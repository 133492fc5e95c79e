package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.project.Project;
import javafx.stage.FileChooser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileExportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    @TempDir
    Path dir;

    @Test
    void theSaveDialogStartsInTheProjectsExportsFolderNamedAfterWhatIsSavedAndTheDay() {
        try (Project project = Project.create(dir.resolve("p"))) {
            FileExport export = new ProjectContext(project, new DirectBackground(), null, null, (a, e) -> { })
                    .exporter("Export consumers CSV");
            FileChooser chooser = export.chooser(null, "CSV", "*.csv");
            assertThat(chooser.getInitialDirectory().toPath()).isEqualTo(project.exportsDir());
            assertThat(chooser.getInitialFileName()).matches("consumers-\\d{4}-\\d{2}-\\d{2}\\.csv");
            assertThat(chooser.getTitle()).isEqualTo("Export consumers CSV");
        }
    }

    @Test
    void theNameSaysWhichRestaurantOrRunAndWhen() {
        FileExport export = new FileExport("Export negative keywords CSV", dir.resolve("exports"), new DirectBackground(),
                (a, e) -> { }, () -> DAY);
        FileChooser chooser = export.chooser("keywords negative La Cantina (Monterrey)", "CSV", "*.csv");
        assertThat(chooser.getInitialFileName()).isEqualTo("keywords-negative-la-cantina-monterrey-2026-12-02.csv");
        assertThat(Files.isDirectory(dir.resolve("exports"))).isTrue();
        assertThat(FileExport.fileName("Run 10 (sasrec): training curve", DAY, ".png"))
                .isEqualTo("run-10-sasrec-training-curve-2026-12-02.png");
        assertThat(FileExport.fileName("%%%", DAY, ".svg")).isEqualTo("export-2026-12-02.svg");
    }

    @Test
    void savingRunsAsATaskWhoseResultIsThePath() throws Exception {
        List<String> errors = new ArrayList<>();
        Path file = dir.resolve("out.csv");
        new FileExport("Export consumers CSV", dir, new DirectBackground(), (a, e) -> errors.add(a + ": " + e.getMessage()), () -> DAY)
                .save(file, f -> Files.writeString(f, "a,b\n"));
        assertThat(Files.readString(file)).isEqualTo("a,b\n");
        assertThat(errors).isEmpty();

        new FileExport("Export consumers CSV", dir, new DirectBackground(), (a, e) -> errors.add(a + ": " + e.getMessage()), () -> DAY)
                .save(file, f -> {
                    throw new java.io.IOException("disk full");
                });
        assertThat(errors).containsExactly("Export consumers CSV: disk full");
    }
}
