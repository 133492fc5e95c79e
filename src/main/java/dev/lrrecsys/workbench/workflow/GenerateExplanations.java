package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.explain.BatchFile;
import dev.lrrecsys.workbench.explain.BestOfNJob;
import dev.lrrecsys.workbench.explain.ContrastiveExplanationJob;
import dev.lrrecsys.workbench.explain.EndpointPool;
import dev.lrrecsys.workbench.explain.ExplanationGenerator;
import dev.lrrecsys.workbench.explain.GenerationEstimate;
import dev.lrrecsys.workbench.explain.GenerationRequest;
import dev.lrrecsys.workbench.explain.GenerationSummary;
import dev.lrrecsys.workbench.explain.Generators;
import dev.lrrecsys.workbench.explain.LlmSettings;
import dev.lrrecsys.workbench.explain.OllamaBackend;
import dev.lrrecsys.workbench.explain.PoolMatch;
import dev.lrrecsys.workbench.explain.PoolSettings;
import dev.lrrecsys.workbench.explain.ReasoningPool;
import dev.lrrecsys.workbench.explain.RetryPolicy;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.insight.KeywordIndexJob;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.store.DatasetBrowseRepository;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.JobPhases;
import dev.lrrecsys.workbench.task.TaskContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Generate explanations": an estimate first, then a positive and a negative explanation for every sample with
 * the chosen generator, then the keyword index of what was generated (so the seller's view answers at once).
 */
public final class GenerateExplanations {

    /**
     * The generator and how to run it. The LLM defaults live here and nowhere else.
     *
     * @param model  the LLM's model (ignored by the offline reasoner)
     * @param url    the LLM server's base URL (ignored by the offline reasoner, but checked for every generator)
     * @param limit  only the first N samples; 0 for all
     * @param retryRejected ask again for the prompts whose stored answers were rejected (failed ones always are)
     * @param candidates best-of-N: candidates per side, the best pair by alignment kept (1: plain generation)
     * @param pool   share of consumers whose samples are generated (the reasoning pool's seeds), in (0, 1]; at 1
     *               every sample is generated, below it the others reuse the most similar seed sample's pair
     * @param poolLongHistory share of the seeds drawn by the long-history bias (the rest by K-means clusters)
     * @param poolMatch which seed samples a sample may reuse the pair of: "product" (the nearest with the same
     *                  candidate product, else of any) or "any" (the nearest of all); see {@link PoolMatch}
     */
    public record Settings(String generator, String model, String url, Variant variant, int concurrency, long limit,
                           boolean profiles, double temperature, int maxTokens, int timeoutSeconds,
                           boolean retryRejected, int candidates, double pool, double poolLongHistory,
                           String poolMatch) {

        public static final String OFFLINE = "offline";
        public static final String OLLAMA = "ollama";
        public static final String OPENAI_COMPATIBLE = "openai-compatible";
        /** Ollama's own address on this machine. */
        public static final String DEFAULT_URL = "http://localhost:11434";
        public static final String DEFAULT_MODEL = "llama3.1";
        public static final int DEFAULT_CONCURRENCY = 4;
        public static final double DEFAULT_TEMPERATURE = 0.2;
        public static final int DEFAULT_MAX_TOKENS = 120;
        public static final int DEFAULT_TIMEOUT_SECONDS = 120;
        public static final double MAX_TEMPERATURE = 2;
        /** No pool: every sample is generated. */
        public static final double DEFAULT_POOL = 1.0;
        /**
         * Half the seeds by long history, half by K-means clusters: RELAND samples seeds both in proportion to cluster
         * size and to activity (PRODUCT.md's summary); as its summary gives the two equal weight, so does the default.
         */
        public static final double DEFAULT_POOL_LONG_HISTORY = 0.5;
        /**
         * The nearest seed sample of any product: matching by product (only 5.4% of reused rows are about another
         * candidate under "any") raised LR-Recsys' validation RMSE on both dev seeds 6 and 7, so it is not the default
         * (docs/explanations.md, "Matching by product").
         */
        public static final String DEFAULT_POOL_MATCH = "any";
        /** The seed of the pool's K-means and draws (fixed, so that a rerun resumes with the same seeds). */
        public static final long POOL_SEED = 42;
        private static final Set<String> GENERATORS = Set.of(OFFLINE, OLLAMA, OPENAI_COMPATIBLE);
        private static final Set<String> POOL_MATCHES = Set.of(PoolMatch.PRODUCT.key(), PoolMatch.ANY.key());
        /** Best-of-N: beyond this many candidates per side the extra calls buy next to nothing (docs/alignment.md). */
        public static final int MAX_CANDIDATES = 20;

        /** A null or blank model or url takes its default. */
        public Settings {
            InvalidSettingException.require(generator != null && GENERATORS.contains(generator), "generator",
                    "Unknown generator '" + generator + "': use offline, ollama or openai-compatible.");
            model = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
            url = url == null || url.isBlank() ? DEFAULT_URL : url.strip();
            InvalidSettingException.require(variant != null, "variant", "variant must be chosen.");
            InvalidSettingException.require(concurrency >= 1, "concurrency", "concurrency must be at least 1, got " + concurrency + ".");
            InvalidSettingException.require(limit >= 0, "limit", "limit must be 0 (all samples) or more, got " + limit + ".");
            InvalidSettingException.require(Double.isFinite(temperature) && temperature >= 0 && temperature <= MAX_TEMPERATURE,
                    "temperature", "temperature must be a number from 0 to 2, got " + temperature + ".");
            InvalidSettingException.require(maxTokens >= 1, "max tokens", "max tokens must be at least 1, got " + maxTokens + ".");
            InvalidSettingException.require(timeoutSeconds >= 1, "timeout",
                    "timeout must be at least 1 second, got " + timeoutSeconds + ".");
            InvalidSettingException.require(candidates >= 1 && candidates <= MAX_CANDIDATES, "candidates",
                    "candidates must be from 1 to " + MAX_CANDIDATES + " per side, got " + candidates + ".");
            InvalidSettingException.require(pool > 0 && pool <= 1, "pool",
                    "--pool must be a fraction of consumers more than 0 and at most 1, got " + pool + ".");
            InvalidSettingException.require(poolLongHistory >= 0 && poolLongHistory <= 1, "pool long history",
                    "--pool-long-history must be a share from 0 to 1, got " + poolLongHistory + ".");
            InvalidSettingException.require(poolMatch != null && POOL_MATCHES.contains(poolMatch), "pool match",
                    "--pool-match must be product or any, got '" + poolMatch + "'.");
            String[] urls = url.split(",", -1);
            for (int i = 0; i < urls.length; i++) {
                checkUrl(urls[i].strip(), urls.length == 1 ? "" : " (endpoint " + (i + 1) + " of " + urls.length + ")");
            }
        }

        /** One candidate per side and no pool (every sample generated). */
        public Settings(String generator, String model, String url, Variant variant, int concurrency, long limit,
                        boolean profiles, double temperature, int maxTokens, int timeoutSeconds, boolean retryRejected) {
            this(generator, model, url, variant, concurrency, limit, profiles, temperature, maxTokens, timeoutSeconds,
                    retryRejected, 1, DEFAULT_POOL, DEFAULT_POOL_LONG_HISTORY, DEFAULT_POOL_MATCH);
        }

        /** The same run keeping the best of {@code n} candidates per side. */
        public Settings withCandidates(int n) {
            return new Settings(generator, model, url, variant, concurrency, limit, profiles, temperature, maxTokens,
                    timeoutSeconds, retryRejected, n, pool, poolLongHistory, poolMatch);
        }

        /** The same run through a reasoning pool of this fraction and long-history share. */
        public Settings withPool(double fraction, double longHistory) {
            return new Settings(generator, model, url, variant, concurrency, limit, profiles, temperature, maxTokens,
                    timeoutSeconds, retryRejected, candidates, fraction, longHistory, poolMatch);
        }

        /** The same run matching non-seed samples to seed samples this way ("product" or "any"). */
        public Settings withPoolMatch(String match) {
            return new Settings(generator, model, url, variant, concurrency, limit, profiles, temperature, maxTokens,
                    timeoutSeconds, retryRejected, candidates, pool, poolLongHistory, match);
        }

        /** Whether a reasoning pool chooses the samples to generate. */
        public boolean pooled() {
            return pool < 1;
        }

        /** The offline reasoner on every sample, contrastive: what both front ends start from. */
        public static Settings defaults() {
            return new Settings(OFFLINE, DEFAULT_MODEL, DEFAULT_URL, Variant.CONTRASTIVE, DEFAULT_CONCURRENCY, 0, false,
                    DEFAULT_TEMPERATURE, DEFAULT_MAX_TOKENS, DEFAULT_TIMEOUT_SECONDS, false);
        }

        /** The same run with another generator, server, model and concurrency (what the window's dialog chooses). */
        public Settings withGenerator(String kind, String serverUrl, String llmModel, int requestsInFlight) {
            return new Settings(kind, llmModel, serverUrl, variant, requestsInFlight, limit, profiles, temperature, maxTokens,
                    timeoutSeconds, retryRejected, candidates, pool, poolLongHistory, poolMatch);
        }

        /** The same run, asking again (or not) for the prompts whose answers were rejected. */
        public Settings withRetryRejected(boolean retry) {
            return new Settings(generator, model, url, variant, concurrency, limit, profiles, temperature, maxTokens,
                    timeoutSeconds, retry, candidates, pool, poolLongHistory, poolMatch);
        }

        /** The LLM connection these settings describe. */
        public LlmSettings llm() {
            return new LlmSettings(url, model, temperature, maxTokens, Duration.ofSeconds(timeoutSeconds));
        }

        ExplanationGenerator create() {
            return Generators.create(generator, llm(), concurrency, RetryPolicy.DEFAULT);
        }

        PoolSettings poolSettings() {
            return new PoolSettings(pool, poolLongHistory, POOL_SEED, PoolMatch.of(poolMatch));
        }

        GenerationRequest request(ExplanationGenerator g) {
            return new GenerationRequest(variant, limit, profiles,
                    g.usesPrompts() ? GenerationRequest.LLM_COMMIT_EVERY : GenerationRequest.OFFLINE_COMMIT_EVERY,
                    retryRejected);
        }

        private static void checkUrl(String url, String which) {
            String why = "url must be an http:// or https:// address with a host, got '" + url + "'" + which + ".";
            try {
                URI u = new URI(url);
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                InvalidSettingException.require((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null,
                        "url", why);
            } catch (URISyntaxException e) {
                throw new InvalidSettingException("url", why);
            }
        }
    }

    /**
     * What a run would do, and which generator would do it; {@code pool} is the reasoning pool's estimate (null
     * without a pool), whose {@code seedGeneration} is then {@code estimate}.
     */
    public record Estimate(String generator, String model, boolean usesPrompts, GenerationEstimate estimate,
                           ReasoningPool.Estimate pool) {

        /** The `llm calls: N (X per sample)` line: prompts to send over all samples. */
        public String llmCallsLine() {
            long samples = pool == null ? estimate.samples() : pool.samples();
            return String.format(Locale.ROOT, "llm calls: %d (%.3f per sample)", estimate.toGenerate(),
                    (double) estimate.toGenerate() / Math.max(1, samples));
        }
    }

    /**
     * What a run did; {@code keywords} is null when nothing could be indexed (no 'ok' contrastive explanation),
     * {@code bestOfN} when the run had one candidate per side, {@code pool} null without a pool.
     */
    public record Outcome(GenerationSummary summary, KeywordIndexJob.Result keywords, BestOfNJob.Summary bestOfN,
                          ReasoningPool.Summary pool) {

        public Outcome(GenerationSummary summary, KeywordIndexJob.Result keywords) {
            this(summary, keywords, null, null);
        }
    }

    private GenerateExplanations() {
    }

    /** Counts what a run would do (and, for an LLM, times a short probe); writes nothing. */
    public static Job<Estimate> estimate(Project project, Settings settings) {
        return new WorkflowJob<>("Estimate generation", context -> {
            try (ExplanationGenerator g = settings.create()) {
                if (settings.candidates() > 1) {
                    BestOfNJob.requireProbe(project.database(), g.generator(), g.model(), settings.variant());
                }
                if (settings.pooled()) {
                    ReasoningPool.Estimate pe = new ReasoningPool(project.database(), g, settings.request(g),
                            settings.poolSettings()).estimate(context);
                    return new Estimate(g.generator(), g.model(), g.usesPrompts(), pe.seedGeneration(), pe);
                }
                GenerationEstimate e = new ContrastiveExplanationJob(project.database(), g, settings.request(g)).estimate(context);
                return new Estimate(g.generator(), g.model(), g.usesPrompts(), e, null);
            }
        });
    }

    /** Generates, then re-indexes the keywords of this generator's explanations (cancellable throughout). */
    public static Job<Outcome> job(Project project, Settings settings) {
        String title = "Generate explanations (" + settings.generator() + ")";
        return BackupFirst.of(project, new WorkflowJob<>(title, context -> {
            GenerationSummary summary;
            ReasoningPool.Summary pool = null;
            KeywordRepository.Source source;
            BestOfNJob.Summary bestOfN = null;
            JobPhases phases;
            try (ExplanationGenerator g = settings.create()) {
                if (settings.candidates() > 1) {
                    BestOfNJob.requireProbe(project.database(), g.generator(), g.model(), settings.variant());
                }
                phases = plan(project, settings, g, context);
                if (settings.pooled()) {
                    pool = new ReasoningPool(project.database(), g, settings.request(g), settings.poolSettings())
                            .run(phases.enter(0));
                    summary = pool.seedRun();
                } else {
                    summary = new ContrastiveExplanationJob(project.database(), g, settings.request(g)).run(phases.enter(0));
                }
                if (settings.candidates() > 1) {
                    bestOfN = new BestOfNJob(project.database(), g, settings.variant(), settings.candidates(),
                            settings.limit()).run(phases.enter(1));
                }
                source = new KeywordRepository.Source(g.generator(), g.model());
            }
            boolean indexable = settings.variant() == Variant.CONTRASTIVE && project.database()
                    .read(tx -> new KeywordRepository().countIndexable(tx, source)) > 0;
            KeywordIndexJob.Result keywords = indexable
                    ? new KeywordIndexJob(project.database(), source).run(phases.enter(2)) : null;
            return new Outcome(summary, keywords, bestOfN, pool);
        }));
    }

    /** Cost of one LLM answer in offline-reasoner prompts (an answer takes about a second; the reasoner ~1 ms). */
    static final double LLM_PROMPT_COST = 1000;
    /** Cost of indexing one explanation's keywords in offline-reasoner prompts (estimate). */
    static final double KEYWORD_COST = 0.5;

    /**
     * The run's two phases for the whole job's ETA: generation (every sample's prompts, weighted by what an answer of
     * this generator costs) and the keyword index (every explanation of the generator, re-indexed). Counts come from
     * the stored summaries (nothing is scanned); a dataset without samples yet is weighed by its interactions.
     */
    private static JobPhases plan(Project project, Settings settings, ExplanationGenerator g, TaskContext context) {
        java.util.Map<String, Long> counts = project.database().read(tx -> new DatasetBrowseRepository().counts(tx));
        long samples = counts.get("samples") > 0 ? counts.get("samples") : counts.get("interactions");
        double prompts = (double) samples * settings.variant().sides().size();
        // A pool generates for its seed consumers only: about that share of the prompts.
        double generation = prompts * (g.usesPrompts() ? LLM_PROMPT_COST : 1) * settings.pool();
        double keywords = settings.variant() == Variant.CONTRASTIVE ? prompts * KEYWORD_COST : 0;
        // Best-of-N asks for N - 1 more candidates per side: as many prompts again, N - 1 times.
        double bestOfN = settings.candidates() > 1 ? generation * (settings.candidates() - 1) : 0;
        return JobPhases.plan(context, generation, bestOfN, keywords);
    }

    /** Writes the prompts still missing for these settings' variant and model as an OpenAI Batch API request file. */
    public static Job<Long> exportBatch(Project project, Settings settings, java.nio.file.Path file) {
        return new WorkflowJob<>("Export batch file", context ->
                new BatchFile(project.database(), settings.variant(), settings.llm()).export(file, context));
    }

    /** Reads a batch output file: valid answers are stored resumably, every other line is reported with its number. */
    public static Job<BatchFile.ImportReport> importBatch(Project project, Settings settings, java.nio.file.Path file) {
        return BackupFirst.of(project, new WorkflowJob<>("Import batch answers", context ->
                new BatchFile(project.database(), settings.variant(), settings.llm()).importAnswers(file, context)));
    }

    /**
     * The models pulled on each Ollama server of these settings' URL list, in the list's order; an endpoint that
     * gives none carries the reason.
     *
     * @throws WorkbenchException when no endpoint answers: with one URL the message of live generation ("Cannot
     *                            reach Ollama at ..."), with several each URL and its reason
     */
    public static Job<List<OllamaBackend.ModelListing>> listModels(Settings settings) {
        LlmSettings llm = settings.llm();
        return new WorkflowJob<>("List Ollama models", context -> {
            List<String> urls = EndpointPool.split(llm.url());
            List<OllamaBackend.ModelListing> listings = new java.util.ArrayList<>();
            for (String url : urls) {
                context.checkCancelled();
                context.message("GET " + url + "/api/tags");
                listings.add(OllamaBackend.listModels(url, llm.timeout()));
            }
            if (listings.stream().noneMatch(OllamaBackend.ModelListing::answered)) {
                if (listings.size() == 1) {
                    OllamaBackend.ModelListing only = listings.get(0);
                    throw new WorkbenchException(only.timedOut() ? "Ollama at " + only.url() + " " + only.failure()
                            : new OllamaBackend(llm).unreachableMessage());
                }
                throw new WorkbenchException("None of the " + listings.size() + " endpoints listed its models: "
                        + listings.stream().map(l -> l.url() + ": " + l.failure())
                        .collect(java.util.stream.Collectors.joining("; ")) + ".");
            }
            return listings;
        });
    }
}
