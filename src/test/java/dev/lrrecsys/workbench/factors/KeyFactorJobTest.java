package dev.lrrecsys.workbench.factors;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.explain.ExplainFixtures;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.samples.SampleDerivationJob;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.DatasetWriter;
import dev.lrrecsys.workbench.store.KeyFactorRepository;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyFactorJobTest {

    @Test
    void findsAndStoresKeyFactorsPerDatasetAndPerSegment(@TempDir Path dir) throws Exception {
        try (Project p = ExplainFixtures.synthWorld(dir.resolve("w"), 300, 40, 4000, 3)) {
            SampleDerivationJob.ensureSamples(p.database(), TaskContext.silent());
            KeyFactorJob.Result r = new KeyFactorJob(p.database(), "budget", 1).run(TaskContext.silent());
            assertThat(r.overall()).isNotEmpty();
            assertThat(r.overall()).extracting(KeyFactorRepository.FactorRow::kind).contains("fit");
            assertThat(r.keyFactors()).extracting(KeyFactorRepository.FactorRow::segmentValue).contains("low", "high");
            assertThat(r.trials()).hasSize(MaskTraining.PENALTIES.length);
            assertThat(r.validationRmse()).isLessThan(r.baselineRmse());
            List<KeyFactorRepository.FactorRow> stored = p.database().read(tx -> {
                KeyFactorRepository repo = new KeyFactorRepository();
                return repo.factors(tx, repo.latest(tx, false).orElseThrow().id());
            });
            assertThat(stored).hasSameSizeAs(r.keyFactors());
            KeyFactorSet set = KeyFactorSet.load(p.database()).orElseThrow();
            assertThat(set.size()).isEqualTo(r.overall().size());
        }
    }

    @Test
    void refusesBeforeSamplesExistAndStoresNothing(@TempDir Path dir) {
        try (Project p = ExplainFixtures.synthWorld(dir.resolve("w"), 50, 10, 300, 3)) {
            List<String> before = TableSnapshot.everything(p.database());
            assertThatThrownBy(() -> new KeyFactorJob(p.database(), null, 1).run(TaskContext.silent()))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("The project has no samples yet: derive them with `lrw samples` first.");
            assertThat(TableSnapshot.everything(p.database())).isEqualTo(before);
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM factor_run")).isZero();
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM key_factor")).isZero();
        }
    }

    @Test
    void refusesAnUnknownSegmentAttributeAndStoresNothing(@TempDir Path dir) {
        try (Project p = ExplainFixtures.synthWorld(dir.resolve("w"), 50, 10, 300, 3)) {
            SampleDerivationJob.ensureSamples(p.database(), TaskContext.silent());
            List<String> before = TableSnapshot.everything(p.database());
            assertThatThrownBy(() -> new KeyFactorJob(p.database(), "shoe size", 1).run(TaskContext.silent()))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("Unknown segment attribute 'shoe size': use one of age_group, alcohol, ambience, budget, "
                            + "city, company, cuisine, drink_level, favourite_cuisine, location, price.");
            assertThat(TableSnapshot.everything(p.database())).isEqualTo(before);
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM factor_run")).isZero();
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM key_factor")).isZero();
        }
    }

    @Test
    void refusesAProjectWithNoAttributesAndStoresNothing(@TempDir Path dir) {
        try (Project p = Project.create(dir.resolve("bare"))) {
            p.database().inTransaction(tx -> {
                new DatasetRepository().save(tx, new DatasetInfo("bare", "test", "movie", "test", 1, 5, 4, false,
                        OffsetDateTime.parse("2026-01-01T00:00:00Z")));
                try (DatasetWriter w = new DatasetWriter(tx)) {
                    for (int i = 1; i <= 3; i++) {
                        w.product(i, "m" + i, "Movie " + i, null);
                        w.productAttribute(i, "runtime", (90 + i) + " min");
                    }
                    w.consumer(1, "u1");
                    for (int i = 1; i <= 3; i++) {
                        w.interaction(i, 1, i, 3 + (i % 2), null, null);
                    }
                }
            });
            SampleDerivationJob.ensureSamples(p.database(), TaskContext.silent());
            List<String> before = TableSnapshot.everything(p.database());
            assertThatThrownBy(() -> new KeyFactorJob(p.database(), null, 1).run(TaskContext.silent()))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("The project has no attributes to find key factors in: its products and consumers have "
                            + "no values but measurements.");
            assertThat(TableSnapshot.everything(p.database())).isEqualTo(before);
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM factor_run")).isZero();
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM key_factor")).isZero();
        }
    }
}
