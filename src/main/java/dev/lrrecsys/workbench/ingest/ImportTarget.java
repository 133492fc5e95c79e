package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.DatasetWriter;
import dev.lrrecsys.workbench.store.StoreException;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where readers put what they read: it gives consumers and products their internal ids (external id maps
 * in memory, no database round trip per row), checks ratings against the scale, handles bad rows
 * (fail or record) and duplicate rows ({@link DuplicatePolicy}), and reports progress over the bytes of all
 * input files. External ids are trimmed, like every other field ("u1" and " u1" are one consumer).
 */
final class ImportTarget {

    // Often enough to notice a cancel well within 100 ms even on a slow disk; progress() itself is throttled.
    private static final int PROGRESS_EVERY = 256;
    // Column widths of V1__foundation.sql: longer texts are cut, longer ids refused.
    private static final int ID_WIDTH = 200;
    private static final int NAME_WIDTH = 1000;
    private static final int CITY_WIDTH = 200;
    private static final int ATTRIBUTE_NAME_WIDTH = 100;
    private static final int VALUE_WIDTH = 1000;
    // A plain decimal number: Double.parseDouble alone would also take "4d", "4f", "0x4p0", "NaN" and "Infinity".
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final DatasetWriter writer;
    private final RatingScale scale;
    private final boolean skipBadRows;
    private final DuplicatePolicy duplicates;
    private final RejectsFile rejects;
    private final TaskContext context;
    private final long totalBytes;
    private final Map<String, Integer> consumerIds = new HashMap<>();
    private final Map<String, Integer> productIds = new HashMap<>();
    private final List<String> consumerNames = new ArrayList<>();
    private final List<String> productNames = new ArrayList<>();
    private final InteractionKeys keys = new InteractionKeys();
    // interaction index at which each input file's interactions begin -> that file's name, for messages
    private final TreeMap<Integer, String> interactionFiles = new TreeMap<>();
    // merged groups under DuplicatePolicy.MEAN: interaction index -> {sum of ratings, count}
    private final Map<Integer, double[]> meanGroups = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private TextFile currentFile;
    private TextFile lastInteractionFile;
    private long duplicatesMerged;
    private long interactions;
    private long productsSkipped;
    private long bytesOfFinishedFiles;
    private int rowsSinceProgress;
    private boolean hasTime;

    ImportTarget(DatasetWriter writer, RatingScale scale, boolean skipBadRows, DuplicatePolicy duplicates,
                 RejectsFile rejects, TaskContext context, long totalBytes) {
        this.writer = writer;
        this.scale = scale;
        this.skipBadRows = skipBadRows;
        this.duplicates = duplicates;
        this.rejects = rejects;
        this.context = context;
        this.totalBytes = totalBytes;
    }

    RatingScale scale() {
        return scale;
    }

    /**
     * The consumer's internal id, adding the consumer on first sight.
     *
     * @throws RowProblem for an id longer than the database column, at the row last passed to {@link #row}
     */
    int consumer(String externalId) throws RowProblem {
        String ext = trim(externalId);
        Integer id = consumerIds.get(ext);
        if (id == null) {
            checkId(ext, "consumer");
            id = consumerIds.size() + 1;
            consumerIds.put(ext, id);
            consumerNames.add(ext);
            try {
                writer.consumer(id, ext);
            } catch (Exception e) {
                throw failed(e);
            }
        }
        return id;
    }

    /** The consumer's internal id, or null when no such consumer was added. */
    Integer knownConsumer(String externalId) {
        return consumerIds.get(trim(externalId));
    }

    /**
     * Adds a product; returns null when the external id was already added (the first one wins).
     *
     * @throws RowProblem for an id longer than the database column, at the row last passed to {@link #row}
     */
    Integer addProduct(String externalId, String name, String city) throws RowProblem {
        String ext = trim(externalId);
        if (productIds.containsKey(ext)) {
            return null;
        }
        checkId(ext, "product");
        int id = productIds.size() + 1;
        productIds.put(ext, id);
        productNames.add(ext);
        try {
            writer.product(id, ext, clip(name == null || name.isBlank() ? ext : name.strip(), NAME_WIDTH),
                    city == null || city.isBlank() ? null : clip(city.strip(), CITY_WIDTH));
        } catch (Exception e) {
            throw failed(e);
        }
        return id;
    }

    /** The product's internal id, adding it (named by its id) on first sight: for formats without a product file. */
    int product(String externalId) throws RowProblem {
        Integer id = knownProduct(externalId);
        if (id == null) {
            id = addProduct(externalId, externalId, null);
        }
        return id;
    }

    /** The product's internal id, or null when no such product was added. */
    Integer knownProduct(String externalId) {
        return productIds.get(trim(externalId));
    }

    private static String trim(String externalId) {
        return externalId == null ? null : externalId.strip();
    }

    void consumerAttribute(int consumerId, String name, String value) {
        if (value != null && !value.isBlank()) {
            try {
                writer.consumerAttribute(consumerId, clip(name, ATTRIBUTE_NAME_WIDTH), clip(value.strip(), VALUE_WIDTH));
            } catch (Exception e) {
                throw failed(e);
            }
        }
    }

    void productAttribute(int productId, String name, String value) {
        if (value != null && !value.isBlank()) {
            try {
                writer.productAttribute(productId, clip(name, ATTRIBUTE_NAME_WIDTH), clip(value.strip(), VALUE_WIDTH));
            } catch (Exception e) {
                throw failed(e);
            }
        }
    }

    /**
     * Adds an interaction of the row last passed to {@link #row}; a second row of the same consumer, product and
     * time (without times: of the same consumer and product) is refused or merged as the request chose.
     *
     * @param epochSeconds null when the source has no time (histories then follow file order)
     */
    void interaction(int consumerId, int productId, double rating, Long epochSeconds, String details) {
        int earlier = keys.addOrFind(consumerId, productId, epochSeconds, rating, currentLine());
        if (earlier >= 0) {
            duplicate(earlier, consumerId, productId, rating, epochSeconds, details);
            return;
        }
        if (currentFile != lastInteractionFile) {
            lastInteractionFile = currentFile;
            interactionFiles.put(keys.size() - 1, currentFile == null ? "?" : currentFile.name());
        }
        interactions++;
        if (epochSeconds != null) {
            hasTime = true;
        }
        try {
            writer.interaction(interactions, consumerId, productId, rating, epochSeconds, details);
        } catch (Exception e) {
            throw failed(e);
        }
    }

    private void duplicate(int earlier, int consumerId, int productId, double rating, Long epochSeconds, String details) {
        double stored = keys.rating(earlier);
        if (duplicates == DuplicatePolicy.REFUSE) {
            String file = fileOf(earlier);
            String there = currentFile != null && currentFile.name().equals(file) ? "line " + keys.line(earlier)
                    : file + " line " + keys.line(earlier);
            String what = "consumer " + consumerNames.get(consumerId - 1) + " rated product " + productNames.get(productId - 1)
                    + (epochSeconds == null ? " on " + there + " too, and there are no times to tell the two apart"
                    : " at the same time on " + there);
            throw new WorkbenchException(where() + ": " + what + " (ratings " + RatingScale.format(stored) + " and "
                    + RatingScale.format(rating) + "): keep one with --duplicates keep-last or --duplicates mean");
        }
        double merged = rating;
        if (duplicates == DuplicatePolicy.MEAN) {
            double[] group = meanGroups.computeIfAbsent(earlier, k -> new double[] {stored, 1});
            group[0] += rating;
            group[1]++;
            merged = group[0] / group[1];
        }
        try {
            writer.replaceRating(earlier + 1L, productId, stored, merged, details);
        } catch (Exception e) {
            throw failed(e);
        }
        keys.setRating(earlier, merged);
        duplicatesMerged++;
    }

    /** Called by the job once all files are read. */
    void finish() {
        if (duplicatesMerged > 0) {
            note("merged " + duplicatesMerged + " duplicate rows (same consumer, product and time) into the row they repeat"
                    + (duplicates == DuplicatePolicy.MEAN ? ", rated with the mean" : ", rated as the last one"));
        }
    }

    private String fileOf(int interactionIndex) {
        var e = interactionFiles.floorEntry(interactionIndex);
        return e == null ? null : e.getValue();
    }

    private long currentLine() {
        return currentFile == null ? 0 : currentFile.recordLine();
    }

    /** "file line N" of the row last passed to {@link #row}. */
    private String where() {
        return currentFile == null ? "?" : currentFile.name() + " line " + currentFile.recordLine();
    }

    /** The writer's JDBC failures, as the store reports them (this package stays free of java.sql). */
    private StoreException failed(Exception e) {
        return writer.failure(e);
    }

    /** Refuses, at the row last passed to {@link #row}, an id longer than the database column. */
    void checkId(String externalId, String what) throws RowProblem {
        if (externalId != null && externalId.length() > ID_WIDTH) {
            throw new RowProblem(currentFile == null ? "?" : currentFile.name(), currentLine(), what + " id '"
                    + externalId.substring(0, 20) + "...' has " + externalId.length() + " characters, more than the "
                    + ID_WIDTH + " allowed");
        }
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "\u2026";
    }

    /** Parses a rating and checks it against the scale. */
    double rating(String raw, String file, long line) throws RowProblem {
        double r = number(raw, "rating", file, line);
        if (!scale.contains(r)) {
            throw new RowProblem(file, line, "rating " + raw.strip() + " is outside the scale " + scale.describe());
        }
        return r;
    }

    static double number(String raw, String what, String file, long line) throws RowProblem {
        if (raw == null || raw.isBlank()) {
            throw new RowProblem(file, line, what + " is missing");
        }
        String s = raw.strip();
        double v = DECIMAL.matcher(s).matches() ? Double.parseDouble(s) : Double.NaN;
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new RowProblem(file, line, what + " '" + raw + "' is not a number");
        }
        return v;
    }

    static long integer(String raw, String what, String file, long line) throws RowProblem {
        if (raw == null || raw.isBlank()) {
            throw new RowProblem(file, line, what + " is missing");
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new RowProblem(file, line, what + " '" + raw + "' is not a whole number");
        }
    }

    /** A bad row: fails the import (default) or goes to the rejects file (--skip-bad-rows). */
    void reject(RowProblem p) {
        if (!skipBadRows) {
            throw new WorkbenchException(p.getMessage());
        }
        rejects.add(p);
    }

    /** Checks the number of fields of a delimited record. */
    static void expectFields(String[] fields, int expected, TextFile file) throws RowProblem {
        if (fields.length != expected) {
            throw new RowProblem(file.name(), file.recordLine(), "expected " + expected + " fields, found " + fields.length);
        }
    }

    /** Called once per row read: checks for cancellation and reports progress every few hundred rows. */
    void row(TextFile file) {
        currentFile = file;
        if (++rowsSinceProgress >= PROGRESS_EVERY) {
            rowsSinceProgress = 0;
            context.checkCancelled();
            context.progress(bytesOfFinishedFiles + file.bytesRead(), totalBytes, "reading " + file.name());
        }
    }

    /** Called when a file has been read to its end. */
    void fileDone(TextFile file) {
        bytesOfFinishedFiles += file.bytesRead();
        context.checkCancelled();
        context.progress(bytesOfFinishedFiles, totalBytes, "read " + file.name());
    }

    void skippedProducts(long n) {
        productsSkipped += n;
    }

    void note(String note) {
        notes.add(note);
    }

    long consumers() {
        return consumerIds.size();
    }

    long products() {
        return productIds.size();
    }

    long interactions() {
        return interactions;
    }

    long productsSkipped() {
        return productsSkipped;
    }

    long rejected() {
        return rejects.count();
    }

    boolean hasTime() {
        return hasTime;
    }

    List<String> notes() {
        return notes;
    }
}
