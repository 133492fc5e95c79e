package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.model.AutoencoderSettings;
import dev.lrrecsys.workbench.model.AutoencoderStore;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExplanationCodeRepository;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The explanation autoencoder job's {@link AutoencoderStore} over a project's database. */
public final class ProjectAutoencoderStore implements AutoencoderStore {

    private final Project project;
    private final ExplanationCodeRepository repository = new ExplanationCodeRepository();

    public ProjectAutoencoderStore(Project project) {
        this.project = project;
    }

    @Override
    public List<Text> pairTexts(String generator, String model, String variant) {
        return project.database().read(tx -> repository.pairTexts(tx, generator, model, variant)).stream()
                .map(t -> new Text(t.explanationId(), t.text(), t.test())).toList();
    }

    @Override
    public long start(String generator, String model, String variant, int vocabularySize, AutoencoderSettings settings,
                      int trainSentences, int testSentences) {
        return project.database().inTransaction(tx -> {
            return repository.start(tx, generator, model, variant, vocabularySize, settings.epochs(),
                    settings.optimizer().name().toLowerCase(Locale.ROOT), settings.learningRate(),
                    settings.batchSize(), trainSentences, testSentences, "", settings.weightDecay(), settings.dropout());
        });
    }

    /** The checkpoint is stored relative to the project folder, so a moved project still finds it. */
    @Override
    public void recordTraining(long autoencoderId, Path checkpoint, double finalLoss, double trainAccuracy,
                               double testAccuracy) {
        String relative = project.dir().toAbsolutePath().relativize(checkpoint.toAbsolutePath()).toString();
        project.database().inTransaction(tx -> {
            repository.setCheckpoint(tx, autoencoderId, relative);
            repository.recordTraining(tx, autoencoderId, finalLoss, trainAccuracy, testAccuracy);
        });
    }

    @Override
    public void writeCodes(long autoencoderId, long[] explanationIds, float[] codes) {
        project.database().inTransaction(tx -> {
            repository.writeCodes(tx, autoencoderId, explanationIds, codes);
        });
    }

    @Override
    public void finish(long autoencoderId) {
        project.database().inTransaction(tx -> {
            repository.finish(tx, autoencoderId);
        });
    }
}
