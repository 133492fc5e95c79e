package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.DatasetWriter;
import dev.lrrecsys.workbench.store.StoreException;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where readers put what they read: it gives consumers and products their internal ids (external id maps
 * in memory, no database round trip per row), checks ratings against the scale, handles bad rows
 * (fail or record) and reports progress over the bytes of all input files.
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

    private final DatasetWriter writer;
    private final RatingScale scale;
    private final boolean skipBadRows;
    private final RejectsFile rejects;
    private final TaskContext context;
    private final long totalBytes;
    private final Map<String, Integer> consumerIds = new HashMap<>();
    private final Map<String, Integer> productIds = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private long interactions;
    private long productsSkipped;
    private long bytesOfFinishedFiles;
    private int rowsSinceProgress;
    private boolean hasTime;

    ImportTarget(DatasetWriter writer, RatingScale scale, boolean skipBadRows, RejectsFile rejects,
                 TaskContext context, long totalBytes) {
        this.writer = writer;
        this.scale = scale;
        this.skipBadRows = skipBadRows;
        this.rejects = rejects;
        this.context = context;
        this.totalBytes = totalBytes;
    }

    RatingScale scale() {
        return scale;
    }

    /** The consumer's internal id, adding the consumer on first sight. */
    int consumer(String externalId) {
        Integer id = consumerIds.get(externalId);
        if (id == null) {
            id = consumerIds.size() + 1;
            consumerIds.put(checkId(externalId), id);
            try {
                writer.consumer(id, externalId);
            } catch (Exception e) {
                throw failed(e);
            }
        }
        return id;
    }

    /** The consumer's internal id, or null when no such consumer was added. */
    Integer knownConsumer(String externalId) {
        return consumerIds.get(externalId);
    }

    /** Adds a product; returns null when the external id was already added (the first one wins). */
    Integer addProduct(String externalId, String name, String city) {
        if (productIds.containsKey(externalId)) {
            return null;
        }
        int id = productIds.size() + 1;
        productIds.put(checkId(externalId), id);
        try {
            writer.product(id, externalId, clip(name == null || name.isBlank() ? externalId : name.strip(), NAME_WIDTH),
                    city == null || city.isBlank() ? null : clip(city.strip(), CITY_WIDTH));
        } catch (Exception e) {
            throw failed(e);
        }
        return id;
    }

    /** The product's internal id, adding it (named by its id) on first sight: for formats without a product file. */
    int product(String externalId) {
        Integer id = productIds.get(externalId);
        if (id == null) {
            id = addProduct(externalId, externalId, null);
        }
        return id;
    }

    /** The product's internal id, or null when no such product was added. */
    Integer knownProduct(String externalId) {
        return productIds.get(externalId);
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

    /** @param epochSeconds null when the source has no time (histories then follow file order) */
    void interaction(int consumerId, int productId, double rating, Long epochSeconds, String details) {
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

    /** The writer's JDBC failures, as the store reports them (this package stays free of java.sql). */
    private static StoreException failed(Exception e) {
        return new StoreException("Database error: " + e.getMessage(), e);
    }

    private static String checkId(String externalId) {
        if (externalId.length() > ID_WIDTH) {
            throw new WorkbenchException("the id '" + externalId.substring(0, 40) + "...' is longer than " + ID_WIDTH
                    + " characters: is the mapping pointing at the right column?");
        }
        return externalId;
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
        try {
            double v = Double.parseDouble(raw.strip());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new RowProblem(file, line, what + " '" + raw + "' is not a number");
        }
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
