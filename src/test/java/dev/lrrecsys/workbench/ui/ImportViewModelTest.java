package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.ui.importer.ImportViewModel;
import dev.lrrecsys.workbench.workflow.ImportDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportViewModelTest {

    @Test
    void previewsTheFirstLinesAndBuildsTheRequest(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("ratings.csv");
        Files.writeString(csv, "consumer,product,rating\nu1,p1,4\nu1,p2,2\nu2,p1,5\n");
        ImportViewModel vm = new ImportViewModel(new DirectBackground());
        vm.pathProperty().set(csv.toString());
        assertThat(vm.previewProperty().get()).isEqualTo(csv + " (first 4 lines)\n1: consumer,product,rating\n2: u1,p1,4\n3: u1,p2,2\n4: u2,p1,5");
        vm.ratingMinProperty().set("1");
        vm.ratingMaxProperty().set("5");
        ImportDataset.Settings r = vm.settings();
        assertThat(r.format()).isEqualTo(ImportFormat.CSV);
        assertThat(r.ratingMin()).isEqualTo(1.0);
        assertThat(r.ratingMax()).isEqualTo(5.0);
        assertThat(r.highThreshold()).isNull();

        try (Project p = Project.create(tmp.resolve("project"))) {
            ImportDataset.job(p, r).run(TaskContext.silent());
            assertThat(p.database().read(tx -> new DatasetRepository().find(tx)).orElseThrow().ratingMax()).isEqualTo(5.0);
        }
    }

    @Test
    void saysWhatIsWrongWithTheFields(@TempDir Path tmp) {
        ImportViewModel vm = new ImportViewModel(new DirectBackground());
        assertThatThrownBy(vm::settings).isInstanceOf(WorkbenchException.class).hasMessage("Choose the file or folder to import.");
        vm.pathProperty().set(tmp.resolve("missing.csv").toString());
        assertThat(vm.previewProperty().get()).isEqualTo("No such file or folder: " + tmp.resolve("missing.csv"));
        vm.highThresholdProperty().set("four");
        assertThatThrownBy(vm::settings).isInstanceOf(WorkbenchException.class).hasMessage("'four' is not a number (high from).");
    }

    @Test
    void duplicateRowsAreRefusedUnlessTheUserChoosesKeepLastOrMean(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("ratings.csv");
        Files.writeString(csv, "consumer,product,rating,time\nu1,p1,4,2020-01-01\nu1,p1,2,2020-01-01\nu2,p1,5,2020-01-02\n");
        ImportViewModel vm = new ImportViewModel(new DirectBackground());
        vm.pathProperty().set(csv.toString());
        assertThat(vm.duplicatesProperty().get()).isEqualTo(dev.lrrecsys.workbench.ingest.DuplicatePolicy.REFUSE);
        assertThat(vm.settings().duplicates()).isEqualTo(dev.lrrecsys.workbench.ingest.DuplicatePolicy.REFUSE);
        try (Project p = Project.create(tmp.resolve("refused"))) {
            assertThatThrownBy(() -> ImportDataset.job(p, vm.settings()).run(TaskContext.silent()))
                    .hasMessageContaining("keep one with --duplicates keep-last or --duplicates mean");
            assertThat(p.database().read(tx -> new DatasetRepository().find(tx)).isPresent()).isFalse();
        }
        vm.duplicatesProperty().set(dev.lrrecsys.workbench.ingest.DuplicatePolicy.MEAN);
        assertThat(vm.settings().duplicates()).isEqualTo(dev.lrrecsys.workbench.ingest.DuplicatePolicy.MEAN);
        try (Project p = Project.create(tmp.resolve("mean"))) {
            ImportDataset.job(p, vm.settings()).run(TaskContext.silent());
            assertThat(dev.lrrecsys.workbench.store.DatabaseSnapshot.strings(p.database(),
                    "SELECT rating FROM interaction ORDER BY id")).containsExactly("3.0", "5.0");
        }
    }
}
