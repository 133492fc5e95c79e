package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.AlignmentRepository;
import dev.lrrecsys.workbench.store.AlignmentRepository.CandidateRow;
import dev.lrrecsys.workbench.store.AlignmentRepository.PairRow;
import dev.lrrecsys.workbench.store.AlignmentRepository.ProbeRow;
import dev.lrrecsys.workbench.store.AlignmentRepository.ScoreRow;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.ExplanationInputRepository;
import dev.lrrecsys.workbench.store.ExplanationInputRepository.SampleRef;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Best-of-N (`lrw generate --candidates N`, docs/alignment.md): for every sample with a scored pair, N
 * candidates per side (candidate 0 is the stored answer of the first pass; LLMs are asked N - 1 more times at the
 * run's temperature, the offline reasoner gives its reasons in N - 1 other orders), and the pair with the best
 * selection score is kept as the explanation; every candidate is stored with status chosen or rejected and why.
 * The selection score is LC + IC under the source's stored probe, where LC reads the observed rating only for
 * samples the probe was fitted on; validation and test samples are chosen by IC alone, so no held-out label
 * reaches the explanations. Resumable: pages are committed as they finish and samples already chosen with the
 * same N are skipped.
 */
public final class BestOfNJob implements Job<BestOfNJob.Summary> {

    private static final int PAGE = 500;

    private final Database db;
    private final ExplanationGenerator generator;
    private final Variant variant;
    private final int candidates;
    private final long limit;
    private final AlignmentRepository repo = new AlignmentRepository();
    private final ExplanationInputRepository inputs = new ExplanationInputRepository();

    /** What a best-of-N run did. */
    public record Summary(int candidates, long samples, long alreadyChosen, long notScored, long generatorCalls,
                          long changed, long rejectedCandidates, double seconds) {

        /** `key: value` lines, as `lrw generate --candidates N` prints them. */
        public String describe() {
            long per = samples + alreadyChosen;
            return "best-of-n candidates: " + candidates + " per side\n"
                    + "best-of-n samples: " + samples + "\n"
                    + "best-of-n already chosen: " + alreadyChosen + "\n"
                    + "best-of-n not scored: " + notScored + "\n"
                    + String.format(Locale.ROOT, "generator calls: %d (%.2f per sample; candidate 0 is the first pass's answer)%n",
                    generatorCalls, samples == 0 ? 0.0 : (double) generatorCalls / samples)
                    + "best-of-n changed pairs: " + changed + "\n"
                    + "best-of-n rejected candidates: " + rejectedCandidates + "\n"
                    + String.format(Locale.ROOT, "best-of-n time: %.1f s", seconds);
        }
    }

    public BestOfNJob(Database db, ExplanationGenerator generator, Variant variant, int candidates, long limit) {
        this.db = db;
        this.generator = generator;
        this.variant = variant;
        this.candidates = candidates;
        this.limit = limit;
    }

    @Override
    public String title() {
        return "Best of " + candidates + " explanations (" + generator.generator() + ")";
    }

    /** Fails with what to run first when best-of-N cannot start: a contrastive variant and a stored probe. */
    public static ProbeRow requireProbe(Database db, String generator, String model, Variant variant) {
        if (variant != Variant.CONTRASTIVE) {
            throw new WorkbenchException("--candidates works with the contrastive variant only (its pairs are what "
                    + "the alignment scores rate), got --variant " + variant.key() + ".");
        }
        return db.read(tx -> new AlignmentRepository().probe(tx, generator, model, variant.key())).orElseThrow(() ->
                new WorkbenchException("Best-of-N needs the alignment scores of " + generator + " (" + model + "): run `lrw "
                        + "generate` with one candidate, then `lrw scores`, then `lrw generate --candidates N`."));
    }

    @Override
    public Summary run(TaskContext context) throws Exception {
        long t0 = System.nanoTime();
        ProbeRow probeRow = requireProbe(db, generator.generator(), generator.model(), variant);
        AlignmentProbe probe = AlignmentProbe.parse(probeRow.weights());
        Map<Long, ScoreRow> scores = db.read(tx -> repo.scores(tx, probeRow.id()));
        DatasetInfo dataset = GenerationInputs.dataset(db);
        GenerationInputs world = GenerationInputs.load(db);
        generator.prepare(world.products());
        PromptBook book = generator.usesPrompts() ? PromptBook.loadStoringDefaults(db, world.domain()) : null;
        SentenceValidator validator = new SentenceValidator(world.domain(), dataset.ratingMin(), dataset.ratingMax());

        List<PairRow> rows = db.read(tx -> repo.pairs(tx, generator.generator(), generator.model(), variant.key()));
        int[] consumers = new int[rows.size()];
        boolean[] test = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            consumers[i] = rows.get(i).consumerId();
            test[i] = rows.get(i).test();
        }
        byte[] roles = AlignmentSplit.roles(consumers, test);
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            index.put(rows.get(i).sampleId(), i);
        }
        long maxId = limit == 0 ? Long.MAX_VALUE : db.read(tx -> inputs.nthSampleId(tx, limit));
        long total = limit == 0 ? rows.size() : Math.min(rows.size(), limit);
        Tally tally = new Tally();
        ExecutorService pool = generator.usesPrompts() ? Executors.newFixedThreadPool(generator.concurrency(), r -> {
            Thread t = new Thread(r, "lrw-best-of-n");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            long after = Long.MIN_VALUE;
            long done = 0;
            while (true) {
                context.checkCancelled();
                long from = after;
                List<SampleRef> refs = db.read(tx -> inputs.page(tx, from, maxId, PAGE));
                if (refs.isEmpty()) {
                    break;
                }
                long first = refs.get(0).id();
                long last = refs.get(refs.size() - 1).id();
                after = last;
                Set<Long> settled = new HashSet<>(db.read(tx -> repo.samplesWithCandidates(tx, generator.generator(),
                        generator.model(), variant.key(), candidates, first, last)));
                Map<String, String> firstAnswers = new HashMap<>();
                for (CandidateRow c : db.read(tx -> repo.candidates(tx, generator.generator(), generator.model(),
                        variant.key(), first, last))) {
                    if (c.candidate() == 0) {
                        firstAnswers.put(c.sampleId() + "|" + c.side(), c.text());
                    }
                }
                List<CandidateRow> out = new ArrayList<>();
                List<ScoreRow> newScores = new ArrayList<>();
                for (SampleRef ref : refs) {
                    context.checkCancelled();
                    done++;
                    Integer i = index.get(ref.id());
                    ScoreRow score = scores.get(ref.id());
                    if (i == null || !AlignmentScoringJob.hasPair(rows.get(i))) {
                        continue;
                    }
                    if (settled.contains(ref.id())) {
                        tally.alreadyChosen++;
                        continue;
                    }
                    if (score == null) {
                        tally.notScored++;
                        continue;
                    }
                    PairRow row = rows.get(i);
                    String pos0 = firstAnswers.getOrDefault(ref.id() + "|positive", row.positive());
                    String neg0 = firstAnswers.getOrDefault(ref.id() + "|negative", row.negative());
                    SampleContext c = world.context(ref);
                    List<Answer> positives = candidates(Side.POSITIVE, pos0, c, book, validator, pool, dataset, tally, context);
                    List<Answer> negatives = candidates(Side.NEGATIVE, neg0, c, book, validator, pool, dataset, tally, context);
                    double target = dataset.scaled(row.rating());
                    boolean labelled = roles[i] == 0;
                    int bestP = 0;
                    int bestN = 0;
                    double best = Double.NEGATIVE_INFINITY;
                    double[] bestOfP = new double[positives.size()];
                    double[] bestOfN = new double[negatives.size()];
                    java.util.Arrays.fill(bestOfP, Double.NaN);
                    java.util.Arrays.fill(bestOfN, Double.NaN);
                    for (int p = 0; p < positives.size(); p++) {
                        for (int q = 0; q < negatives.size(); q++) {
                            if (positives.get(p).status() != Answer.Status.OK || negatives.get(q).status() != Answer.Status.OK) {
                                continue;
                            }
                            double pred = probe.predict(positives.get(p).text(), negatives.get(q).text());
                            double s = AlignmentScore.ic(pred, score.idPrediction(), probeRow.trainMean())
                                    + (labelled ? AlignmentScore.lc(pred, target) : 0);
                            bestOfP[p] = Double.isNaN(bestOfP[p]) ? s : Math.max(bestOfP[p], s);
                            bestOfN[q] = Double.isNaN(bestOfN[q]) ? s : Math.max(bestOfN[q], s);
                            // Strictly better only: ties keep the first pass's answer.
                            if (s > best + 1e-9) {
                                best = s;
                                bestP = p;
                                bestN = q;
                            }
                        }
                    }
                    String chosenP = positives.get(bestP).text();
                    String chosenN = negatives.get(bestN).text();
                    if (bestP != 0 || bestN != 0) {
                        tally.changed++;
                    }
                    String rule = labelled ? "LC + IC" : "IC (held-out sample: its rating is not read)";
                    addRows(out, ref.id(), Side.POSITIVE, positives, bestP, bestOfP, best, rule);
                    addRows(out, ref.id(), Side.NEGATIVE, negatives, bestN, bestOfN, best, rule);
                    AlignmentScore chosen = AlignmentScore.of(probe.predict(chosenP, chosenN), score.idPrediction(),
                            probeRow.trainMean(), target);
                    newScores.add(new ScoreRow(ref.id(), (float) chosen.probePrediction(), (float) chosen.idPrediction(),
                            (float) chosen.lc(), (float) chosen.ic()));
                    tally.samples++;
                }
                if (!out.isEmpty()) {
                    db.inTransaction(tx -> {
                        repo.saveChoices(tx, out, probeRow.id(), newScores);
                    });
                    tally.rejected += out.stream().filter(r -> !r.status().equals("chosen")).count();
                }
                context.progress(done, total, "best of " + candidates + ": " + tally.samples + " samples");
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new Summary(candidates, tally.samples, tally.alreadyChosen, tally.notScored, tally.calls, tally.changed,
                tally.rejected, (System.nanoTime() - t0) / 1e9);
    }

    private List<Answer> candidates(Side side, String first, SampleContext c, PromptBook book, SentenceValidator validator,
                                    ExecutorService pool, DatasetInfo dataset, Tally tally, TaskContext context)
            throws Exception {
        List<Answer> out = new ArrayList<>();
        out.add(Answer.ok(first));
        if (pool == null) {
            for (int k = 1; k < candidates; k++) {
                SentenceValidator.Verdict v = validator.check(EvidenceOrdering.reorder(first, k, c.sampleId()), side);
                out.add(v.valid() ? Answer.ok(v.text()) : Answer.rejected(v.reason()));
                tally.calls++;
            }
            return out;
        }
        Prompt prompt = book.render(variant, side, c, dataset.ratingMin(), dataset.ratingMax());
        List<Future<Answer>> asked = new ArrayList<>();
        for (int k = 1; k < candidates; k++) {
            asked.add(pool.submit(() -> generator.answer(prompt, c, validator)));
            tally.calls++;
        }
        for (Future<Answer> f : asked) {
            Answer a = null;
            while (a == null) {
                context.checkCancelled();
                try {
                    a = f.get(100, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // still waiting for the server; poll for cancellation
                }
            }
            out.add(a);
        }
        return out;
    }

    private void addRows(List<CandidateRow> out, long sampleId, Side side, List<Answer> answers, int chosen,
                         double[] bestScore, double best, String rule) {
        for (int k = 0; k < answers.size(); k++) {
            Answer a = answers.get(k);
            String status;
            String reason;
            Float score = Double.isNaN(bestScore[k]) ? null : (float) bestScore[k];
            if (k == chosen) {
                status = "chosen";
                reason = String.format(Locale.ROOT, "chosen: best %s of %d candidates (%.4f)", rule, candidates, best);
            } else if (a.status() != Answer.Status.OK) {
                status = a.status() == Answer.Status.FAILED ? "failed" : "rejected";
                reason = "rejected by validation: " + a.reason();
            } else if (a.text().equals(answers.get(chosen).text())) {
                status = "rejected";
                reason = "rejected: same text as the chosen candidate " + chosen;
            } else {
                status = "rejected";
                reason = String.format(Locale.ROOT, "rejected: best-of-%d kept candidate %d (%s %.4f vs %.4f)",
                        candidates, chosen, rule, best, bestScore[k]);
            }
            out.add(new CandidateRow(sampleId, variant.key(), side.key(), generator.generator(), generator.model(), k,
                    candidates, status, a.text(), score, truncate(reason)));
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static final class Tally {
        long samples;
        long alreadyChosen;
        long notScored;
        long calls;
        long changed;
        long rejected;
    }
}
