package dev.lrrecsys.workbench.explain;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Nearest seed sample by cosine similarity over unit vectors: exact (a scan of every seed) below
 * {@link #EXACT_BELOW} seeds, where a scan is faster than a graph search, and Lucene's HNSW graph above it
 * (the {@value #CANDIDATES} graph candidates are re-scored exactly, so the similarity reported is the true
 * cosine of the pair returned). In memory only: rebuilt from the stored seed pairs in seconds.
 */
public final class SeedIndex implements AutoCloseable {

    /**
     * Seeds below which the exact scan is used. Measured by `lrw bench pool` (docs/explanations.md): on this
     * 2-core machine the scan and the graph search cost about the same per query between 2,000 and 4,000 seed
     * samples of 85 dimensions; the graph wins by more as the seeds grow.
     */
    public static final int EXACT_BELOW = 3_000;
    /** Graph candidates per query (Lucene's k, which is also its beam width). */
    static final int CANDIDATES = 16;
    /**
     * Graph degree and construction beam: below Lucene's defaults (16, 100), which made building the graph of 200k
     * seed samples the slowest phase; `lrw bench pool` prints how often the graph still finds the exact nearest seed.
     */
    static final int MAX_CONNECTIONS = 12;
    static final int BEAM_WIDTH = 48;
    private static final String FIELD = "v";
    private static final String INDEX = "i";

    /** How the index searches. */
    public enum Mode { EXACT, HNSW }

    /** The nearest seed: its position among the seeds, its sample id and the cosine similarity. */
    public record Match(int seed, long seedSampleId, double similarity) {
    }

    private final long[] seedIds;
    private final float[] vectors;
    private final int dim;
    private final Mode mode;
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final int[] docToSeed;
    /** Seed positions by candidate product (ascending), for {@link #nearestOfProduct}. */
    private final Map<Integer, int[]> byProduct;

    private SeedIndex(long[] seedIds, int[] seedProducts, float[] vectors, int dim, Mode mode,
                      ByteBuffersDirectory directory, DirectoryReader reader, int[] docToSeed) {
        this.byProduct = byProduct(seedProducts);
        this.seedIds = seedIds;
        this.vectors = vectors;
        this.dim = dim;
        this.mode = mode;
        this.directory = directory;
        this.reader = reader;
        this.docToSeed = docToSeed;
    }

    /** The mode {@link #build} picks for this many seeds. */
    public static Mode modeFor(int seeds) {
        return seeds < EXACT_BELOW ? Mode.EXACT : Mode.HNSW;
    }

    /**
     * Indexes the seed vectors (unit length, all of the same dimension).
     *
     * @param seedProducts the candidate product of each seed sample
     * @param cancelled polled while the graph is built (every 1,000 seeds)
     */
    public static SeedIndex build(long[] seedIds, int[] seedProducts, float[][] seedVectors, Mode mode,
                                  BooleanSupplier cancelled) {
        if (seedProducts.length != seedIds.length) {
            throw new IllegalArgumentException("one candidate product per seed sample");
        }
        if (seedIds.length == 0) {
            throw new IllegalArgumentException("a seed index needs at least one seed");
        }
        int dim = seedVectors[0].length;
        float[] flat = new float[seedIds.length * dim];
        for (int i = 0; i < seedIds.length; i++) {
            System.arraycopy(seedVectors[i], 0, flat, i * dim, dim);
        }
        if (mode == Mode.EXACT) {
            return new SeedIndex(seedIds, seedProducts, flat, dim, mode, null, null, null);
        }
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try {
            // One segment: every seed in one graph (several segments would each be searched in turn).
            IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(2048).setMergePolicy(NoMergePolicy.INSTANCE)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setCodec(new Lucene912Codec() {
                        @Override
                        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                            return new Lucene99HnswVectorsFormat(MAX_CONNECTIONS, BEAM_WIDTH);
                        }
                    });
            try (IndexWriter writer = new IndexWriter(dir, config)) {
                for (int i = 0; i < seedIds.length; i++) {
                    if (i % 1000 == 0 && cancelled.getAsBoolean()) {
                        throw new dev.lrrecsys.workbench.task.CancelledException();
                    }
                    Document doc = new Document();
                    doc.add(new KnnFloatVectorField(FIELD, seedVectors[i], VectorSimilarityFunction.DOT_PRODUCT));
                    doc.add(new NumericDocValuesField(INDEX, i));
                    writer.addDocument(doc);
                }
                writer.commit();
            }
            DirectoryReader reader = DirectoryReader.open(dir);
            int[] docToSeed = new int[reader.maxDoc()];
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues values = leaf.reader().getNumericDocValues(INDEX);
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    docToSeed[leaf.docBase + doc] = (int) values.longValue();
                }
            }
            return new SeedIndex(seedIds, seedProducts, flat, dim, mode, dir, reader, docToSeed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Mode mode() {
        return mode;
    }

    public int size() {
        return seedIds.length;
    }

    /** The seed sample nearest to a unit vector of this index's dimension (thread-safe). */
    public Match nearest(float[] query) {
        if (mode == Mode.EXACT) {
            return exact(query);
        }
        try {
            int best = -1;
            double bestSim = Double.NEGATIVE_INFINITY;
            // The leaves' graphs directly (one leaf: the index is written as one segment): a query object per search
            // cost more than the graph search itself at these sizes.
            for (LeafReaderContext leaf : reader.leaves()) {
                TopDocs top = leaf.reader().searchNearestVectors(FIELD, query, CANDIDATES, leaf.reader().getLiveDocs(),
                        Integer.MAX_VALUE);
                for (ScoreDoc sd : top.scoreDocs) {
                int seed = docToSeed[leaf.docBase + sd.doc];
                double sim = dot(query, seed);
                if (sim > bestSim || (sim == bestSim && seed < best)) {
                    bestSim = sim;
                    best = seed;
                }
                }
            }
            return best < 0 ? exact(query) : new Match(best, seedIds[best], bestSim);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The nearest of the seed samples whose candidate is this product, by an exact scan of them (a product has few
     * seed samples: about the seed share of its samples), or null when no seed sample has this candidate. Their
     * candidate parts are equal, so the consumer behaviour and history parts decide; the similarity is the cosine of
     * the whole vectors, as {@link #nearest} reports it.
     */
    public Match nearestOfProduct(float[] query, int productId) {
        int[] seeds = byProduct.get(productId);
        if (seeds == null) {
            return null;
        }
        int best = seeds[0];
        double bestSim = Double.NEGATIVE_INFINITY;
        for (int s : seeds) {
            double sim = dot(query, s);
            if (sim > bestSim) {
                bestSim = sim;
                best = s;
            }
        }
        return new Match(best, seedIds[best], bestSim);
    }

    /** Whether some seed sample has this candidate product. */
    public boolean hasProduct(int productId) {
        return byProduct.containsKey(productId);
    }

    private static Map<Integer, int[]> byProduct(int[] seedProducts) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int p : seedProducts) {
            counts.merge(p, 1, Integer::sum);
        }
        Map<Integer, int[]> out = new HashMap<>();
        counts.forEach((p, n) -> out.put(p, new int[n]));
        Map<Integer, Integer> filled = new HashMap<>();
        for (int s = 0; s < seedProducts.length; s++) {
            int at = filled.merge(seedProducts[s], 1, Integer::sum) - 1;
            out.get(seedProducts[s])[at] = s;
        }
        return out;
    }

    /** The exact nearest seed, whatever the mode (what the benchmark compares the graph with). */
    public Match exact(float[] query) {
        int best = 0;
        double bestSim = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < seedIds.length; s++) {
            double sim = dot(query, s);
            if (sim > bestSim) {
                bestSim = sim;
                best = s;
            }
        }
        return new Match(best, seedIds[best], bestSim);
    }

    private double dot(float[] q, int seed) {
        int off = seed * dim;
        float s = 0;
        for (int k = 0; k < dim; k++) {
            s += q[k] * vectors[off + k];
        }
        return s;
    }

    @Override
    public void close() {
        try {
            if (reader != null) {
                reader.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
