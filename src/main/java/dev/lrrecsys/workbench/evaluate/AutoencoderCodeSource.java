package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.model.AutoencoderSettings;
import dev.lrrecsys.workbench.model.ExplanationAutoencoderJob;
import dev.lrrecsys.workbench.model.ExplanationFeatures;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExplanationCodeRepository;
import dev.lrrecsys.workbench.task.TaskContext;

/**
 * The project's explanation autoencoder codes for a generator+model+variant; when none have been trained yet it
 * trains the autoencoder first (paper settings, the given epochs and seed) and stores its codes.
 */
public final class AutoencoderCodeSource implements ExplanationCodes {

    private final Project project;
    private final int epochs;
    private final long seed;

    public AutoencoderCodeSource(Project project, int epochs, long seed) {
        this.project = project;
        this.epochs = epochs;
        this.seed = seed;
    }

    @Override
    public int epochsToTrain(String generator, String model, String variant) {
        return trained(generator, model, variant) ? 0 : epochs;
    }

    private boolean trained(String generator, String model, String variant) {
        return project.database().read(tx -> new ExplanationCodeRepository()
                .latestFinished(tx, generator, model, variant)).isPresent();
    }

    @Override
    public ExplanationFeatures ensure(String generator, String model, String variant, TaskContext context)
            throws Exception {
        if (!trained(generator, model, variant)) {
            AutoencoderSettings paper = AutoencoderSettings.paper(epochs);
            new ExplanationAutoencoderJob(new ProjectAutoencoderStore(project), project.modelsDir(), generator, model,
                    variant, new AutoencoderSettings(paper.epochs(),
                    paper.batchSize(), paper.learningRate(), paper.optimizer(), paper.minCount(),
                    paper.maxVocabulary(), seed)).run(context);
        }
        return AutoencoderCodes.load(project.database(), generator, model, variant);
    }
}
