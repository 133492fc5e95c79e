package dev.lrrecsys.workbench.factors;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.ExperimentSampleReader;
import dev.lrrecsys.workbench.store.ExplanationInputRepository;
import dev.lrrecsys.workbench.store.ExplanationInputRepository.AttributeRow;
import dev.lrrecsys.workbench.store.ExplanationInputRepository.ProductRow;
import dev.lrrecsys.workbench.store.KeyFactorRepository;
import dev.lrrecsys.workbench.store.KeyFactorRepository.FactorRow;
import dev.lrrecsys.workbench.store.KeyFactorRepository.RunRow;
import dev.lrrecsys.workbench.store.StoredSample;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the key factors of a project by {@link MaskTraining} on the training split: the last
 * {@value #VALIDATION_SHARE_PERCENT}% of each consumer's training samples (in time order) choose the penalty,
 * the rest train; with a segment attribute, the same penalty is used again within each segment value. Reads
 * nothing of the test split. Everything is stored in one transaction at the end, so a cancel stores nothing.
 */
public final class KeyFactorJob implements Job<KeyFactorJob.Result> {

    static final int VALIDATION_SHARE_PERCENT = 10;
    /** Segment values with fewer training samples than this are skipped (reported): too few to train on. */
    public static final int MIN_SEGMENT_SAMPLES = 100;

    /** What a run found. */
    public record Result(long runId, int candidates, double penalty, List<MaskTraining.Trial> trials,
                         double validationRmse, double baselineRmse, int trainSamples, int validationSamples,
                         List<FactorRow> keyFactors, int segments, List<String> skippedSegments, double seconds) {

        /** The whole dataset's key factors, strongest first. */
        public List<FactorRow> overall() {
            return keyFactors.stream().filter(f -> f.segmentValue().isEmpty()).toList();
        }
    }

    private final Database db;
    private final String segment;
    private final long seed;

    /** @param segment a consumer or product attribute (or "city") to find key factors per value of; null for none */
    public KeyFactorJob(Database db, String segment, long seed) {
        this.db = db;
        this.segment = segment == null || segment.isBlank() ? null : segment.strip();
        this.seed = seed;
    }

    @Override
    public String title() {
        return "Find key factors" + (segment == null ? "" : " per " + segment);
    }

    @Override
    public Result run(TaskContext context) throws Exception {
        long t0 = System.nanoTime();
        context.progress(0, 0, "reading samples and attributes");
        DatasetInfo dataset = db.read(tx -> new DatasetRepository().find(tx)).orElseThrow(() -> new WorkbenchException(
                "The project has no dataset yet: import one with `lrw import` first."));
        List<StoredSample> samples = db.read(tx -> new ExperimentSampleReader().all(tx));
        if (samples.isEmpty()) {
            throw new WorkbenchException("The project has no samples yet: derive them with `lrw samples` first.");
        }
        ExplanationInputRepository inputs = new ExplanationInputRepository();
        Map<Integer, List<AttributeRow>> products = new HashMap<>();
        Map<Integer, List<AttributeRow>> consumers = db.read(tx -> {
            for (ProductRow p : inputs.products(tx).values()) {
                products.put(p.id(), p.attributes());
            }
            return inputs.consumerAttributes(tx);
        });
        FactorCatalogue catalogue = new FactorCatalogue(dataset.domain(), products, consumers);
        if (catalogue.size() == 0) {
            throw new WorkbenchException("The project has no attributes to find key factors in: its products and "
                    + "consumers have no values but measurements.");
        }
        Map<Integer, String> cities = db.read(tx -> new KeyFactorRepository().productCities(tx));
        SegmentReading segmentOf = segment == null ? null : SegmentReading.resolve(segment, products, consumers, cities);
        context.checkCancelled();

        // Training split only; the last share of each consumer's samples (they come in time order) validates.
        List<int[]> trainActive = new ArrayList<>();
        List<Double> trainRating = new ArrayList<>();
        List<int[]> valActive = new ArrayList<>();
        List<Double> valRating = new ArrayList<>();
        List<StoredSample> trainSamples = new ArrayList<>();
        int from = 0;
        while (from < samples.size()) {
            int to = from;
            List<StoredSample> own = new ArrayList<>();
            while (to < samples.size() && samples.get(to).consumerId() == samples.get(from).consumerId()) {
                if (!samples.get(to).test()) {
                    own.add(samples.get(to));
                }
                to++;
            }
            int validation = own.size() * VALIDATION_SHARE_PERCENT / 100;
            for (int i = 0; i < own.size(); i++) {
                StoredSample s = own.get(i);
                int[] a = catalogue.active(s.consumerId(), s.productId(), s.history());
                if (i >= own.size() - validation) {
                    valActive.add(a);
                    valRating.add(s.rating());
                } else {
                    trainActive.add(a);
                    trainRating.add(s.rating());
                    trainSamples.add(s);
                }
            }
            from = to;
            context.checkCancelled();
        }
        if (trainActive.isEmpty()) {
            throw new WorkbenchException("The project has no training samples: derive them with `lrw samples` first.");
        }
        MaskTraining.Data train = data(trainActive, trainRating);
        MaskTraining.Data validation = valActive.isEmpty() ? train : data(valActive, valRating);
        MaskTraining training = new MaskTraining(catalogue.size(), seed, context::checkCancelled);
        int steps = 1 + MaskTraining.PENALTIES.length + (segmentOf == null ? 0 : 1);
        context.progress(0, steps, "training the rating model on " + train.size() + " samples, "
                + catalogue.size() + " candidate factors");
        int[] support = training.support(train);
        MaskTraining.Outcome model = training.trainModel(train);
        List<MaskTraining.Trial> trials = new ArrayList<>();
        List<MaskTraining.Outcome> gated = new ArrayList<>();
        for (int i = 0; i < MaskTraining.PENALTIES.length; i++) {
            double penalty = MaskTraining.PENALTIES[i];
            context.progress(1 + i, steps, "gates with penalty " + penalty);
            MaskTraining.Outcome o = training.mergeTwins(training.trainGates(model, train, penalty, support), train, support);
            gated.add(o);
            trials.add(new MaskTraining.Trial(penalty, MaskTraining.rmse(o, validation), o.kept()));
        }
        int chosen = MaskTraining.choose(trials);
        double penalty = MaskTraining.PENALTIES[chosen];
        List<FactorRow> rows = new ArrayList<>(rows("", gated.get(chosen), catalogue, support));
        List<String> skipped = new ArrayList<>();
        int segments = 0;
        if (segmentOf != null) {
            Map<String, List<Integer>> bySegment = new TreeMap<>();
            for (int i = 0; i < trainSamples.size(); i++) {
                StoredSample s = trainSamples.get(i);
                for (String v : segmentOf.values(s.consumerId(), s.productId())) {
                    bySegment.computeIfAbsent(v, k -> new ArrayList<>()).add(i);
                }
            }
            int done = 0;
            for (Map.Entry<String, List<Integer>> e : bySegment.entrySet()) {
                context.progress(steps - 1, steps, "segment " + segment + " = " + e.getKey()
                        + " (" + (++done) + "/" + bySegment.size() + ")");
                if (e.getValue().size() < MIN_SEGMENT_SAMPLES) {
                    skipped.add(e.getKey() + " (" + e.getValue().size() + " samples)");
                    continue;
                }
                List<int[]> a = new ArrayList<>();
                List<Double> r = new ArrayList<>();
                for (int i : e.getValue()) {
                    a.add(train.active()[i]);
                    r.add(train.rating()[i]);
                }
                MaskTraining.Data part = data(a, r);
                int[] partSupport = training.support(part);
                MaskTraining.Outcome o = training.mergeTwins(training.trainGates(training.trainModel(part), part, penalty, partSupport),
                        part, partSupport);
                rows.addAll(rows(e.getKey(), o, catalogue, partSupport));
                segments++;
            }
        }
        MaskTraining.Outcome best = gated.get(chosen);
        RunRow run = new RunRow(0, segmentOf == null ? null : segmentOf.name(), penalty, catalogue.size(), train.size(),
                valActive.size(), trials.get(chosen).validationRmse(), MaskTraining.baselineRmse(best, validation));
        context.checkCancelled();
        long runId = db.inTransaction((Database.Work<Long>) tx -> new KeyFactorRepository().save(tx, run, rows));
        context.progress(steps, steps, "stored " + rows.size() + " key factors");
        return new Result(runId, catalogue.size(), penalty, trials, run.validationRmse(), run.baselineRmse(),
                train.size(), valActive.size(), rows, segments, skipped, (System.nanoTime() - t0) / 1e9);
    }

    private static MaskTraining.Data data(List<int[]> active, List<Double> rating) {
        double[] r = new double[rating.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = rating.get(i);
        }
        return new MaskTraining.Data(active.toArray(new int[0][]), r);
    }

    /** The kept factors of one segment value, strongest (largest gated effect) first. */
    private static List<FactorRow> rows(String segmentValue, MaskTraining.Outcome o, FactorCatalogue catalogue, int[] support) {
        List<Integer> kept = new ArrayList<>();
        for (int f = 0; f < catalogue.size(); f++) {
            if (o.gate()[f] > 0.5) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingDouble((Integer f) -> -Math.abs(o.effect()[f]) * o.gate()[f]));
        List<FactorRow> out = new ArrayList<>();
        for (int f : kept) {
            Factor x = catalogue.factor(f);
            out.add(new FactorRow(segmentValue, x.key(), x.kind().key(), x.attribute(), x.value(), x.label(),
                    o.gate()[f], o.effect()[f], support[f], out.size() + 1));
        }
        return out;
    }

    /** Which segment values a sample belongs to, by a consumer attribute, a product attribute or the city. */
    record SegmentReading(String name, Map<Integer, List<String>> byConsumer, Map<Integer, List<String>> byProduct) {

        List<String> values(int consumerId, int productId) {
            if (byConsumer != null) {
                return byConsumer.getOrDefault(consumerId, List.of());
            }
            return byProduct.getOrDefault(productId, List.of());
        }

        static SegmentReading resolve(String attribute, Map<Integer, List<AttributeRow>> products,
                                      Map<Integer, List<AttributeRow>> consumers, Map<Integer, String> cities) {
            String key = CanonicalSpelling.key(attribute);
            CanonicalSpelling spelling = CanonicalSpelling.of(allValues(products, consumers, cities));
            Map<Integer, List<String>> byConsumer = byName(consumers, key, spelling);
            if (!byConsumer.isEmpty()) {
                return new SegmentReading(attribute, byConsumer, null);
            }
            Map<Integer, List<String>> byProduct = byName(products, key, spelling);
            if (byProduct.isEmpty() && key.equals("city")) {
                cities.forEach((id, c) -> byProduct.put(id, List.of(spelling.shown(c))));
            }
            if (!byProduct.isEmpty()) {
                return new SegmentReading(attribute, null, byProduct);
            }
            TreeSet<String> names = new TreeSet<>();
            consumers.values().forEach(rows -> rows.forEach(r -> names.add(r.name())));
            products.values().forEach(rows -> rows.forEach(r -> names.add(r.name())));
            if (!cities.isEmpty()) {
                names.add("city");
            }
            throw new WorkbenchException("Unknown segment attribute '" + attribute + "': "
                    + (names.isEmpty() ? "the project has no attributes." : "use one of " + String.join(", ", names) + "."));
        }

        private static List<String> allValues(Map<Integer, List<AttributeRow>> products,
                                              Map<Integer, List<AttributeRow>> consumers, Map<Integer, String> cities) {
            List<String> out = new ArrayList<>(cities.values());
            products.values().forEach(rows -> rows.forEach(r -> out.add(r.value())));
            consumers.values().forEach(rows -> rows.forEach(r -> out.add(r.value())));
            return out;
        }

        private static Map<Integer, List<String>> byName(Map<Integer, List<AttributeRow>> rows, String key,
                                                         CanonicalSpelling spelling) {
            Map<Integer, List<String>> out = new HashMap<>();
            rows.forEach((id, attrs) -> {
                for (AttributeRow r : attrs) {
                    if (CanonicalSpelling.key(r.name()).equals(key)) {
                        List<String> vs = out.computeIfAbsent(id, k -> new ArrayList<>());
                        String v = spelling.shown(r.value());
                        if (!vs.contains(v)) {
                            vs.add(v);
                        }
                    }
                }
            });
            return out;
        }
    }
}
