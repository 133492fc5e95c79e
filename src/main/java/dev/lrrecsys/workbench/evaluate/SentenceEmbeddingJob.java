package dev.lrrecsys.workbench.evaluate;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.SentenceEmbeddingRepository;
import dev.lrrecsys.workbench.store.SentenceEmbeddingRepository.PendingText;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Embeds every usable explanation pair of a generator+model+variant with the in-process all-MiniLM-L6-v2
 * model (384 dims, ablation 2) and caches the vectors in the project, committing every batch so a cancelled
 * run resumes where it stopped. Returns the number of explanations embedded now.
 */
public final class SentenceEmbeddingJob implements Job<Integer> {

    public static final int DIM = 384;
    private static final int BATCH = 64;

    private final Database database;
    private final String generator;
    private final String model;
    private final String variant;

    public SentenceEmbeddingJob(Database database, String generator, String model, String variant) {
        this.database = database;
        this.generator = generator;
        this.model = model;
        this.variant = variant;
    }

    @Override
    public String title() {
        return "Embed explanations (all-MiniLM-L6-v2)";
    }

    @Override
    public Integer run(TaskContext context) {
        SentenceEmbeddingRepository repository = new SentenceEmbeddingRepository();
        List<PendingText> pending = database.read(tx -> repository.pending(tx, generator, model, variant));
        if (pending.isEmpty()) {
            return 0;
        }
        context.message("loading all-MiniLM-L6-v2");
        // A same-thread executor: the 2-core machines gain nothing from the model's own thread pool.
        EmbeddingModel embedder = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
        for (int start = 0; start < pending.size(); start += BATCH) {
            context.checkCancelled();
            List<PendingText> batch = pending.subList(start, Math.min(pending.size(), start + BATCH));
            List<TextSegment> segments = new ArrayList<>();
            batch.forEach(p -> segments.add(TextSegment.from(p.text() == null ? "" : p.text())));
            List<float[]> vectors = new ArrayList<>();
            for (Embedding e : embedder.embedAll(segments).content()) {
                vectors.add(e.vector());
            }
            database.inTransaction(tx -> {
                repository.save(tx, batch, vectors);
            });
            context.progress(start + batch.size(), pending.size(), "embedded " + (start + batch.size()) + " explanations");
        }
        return pending.size();
    }
}
