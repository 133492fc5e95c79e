package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Any CSV/TSV of ratings, its columns named by a {@link ColumnMapping}; products and consumers are added on first sight. */
final class MappedCsvReader implements FormatReader {

    private final List<Path> files;
    private final ColumnMapping mapping;

    MappedCsvReader(List<Path> paths, Path mappingFile) {
        this.mapping = mappingFile == null ? ColumnMapping.defaults() : ColumnMapping.read(mappingFile);
        for (Path p : paths) {
            FormatReader.existing(p);
            if (Files.isDirectory(p)) {
                throw new WorkbenchException(p + " is a folder: the csv format reads files, name them");
            }
        }
        this.files = paths;
    }

    @Override
    public List<Path> inputFiles() {
        return files;
    }

    @Override
    public RatingScale defaultScale() {
        double min = mapping.ratingMin() == null ? 1 : mapping.ratingMin();
        double max = mapping.ratingMax() == null ? 5 : mapping.ratingMax();
        return mapping.highThreshold() == null ? RatingScale.of(min, max) : new RatingScale(min, max, mapping.highThreshold());
    }

    @Override
    public String domain() {
        return mapping.domain();
    }

    @Override
    public void read(ImportTarget target) {
        for (Path p : files) {
            readFile(target, p);
        }
    }

    /** Column positions of one file, resolved against its header. */
    private final class Columns {
        final int consumer;
        final int product;
        final int rating;
        final int time;
        final int name;
        final int city;
        final int[] productAttributes;
        final int[] consumerAttributes;

        Columns(Header h, TextFile f) {
            consumer = column(h, f, mapping.consumer(), "consumer");
            product = column(h, f, mapping.product(), "product");
            rating = column(h, f, mapping.rating(), "rating");
            boolean defaultTime = mapping.source() == null && h.index("time") != null;
            time = mapping.time() != null ? column(h, f, mapping.time(), "time") : defaultTime ? h.index("time") : -1;
            name = mapping.productName() == null ? -1 : column(h, f, mapping.productName(), "product_name");
            city = mapping.productCity() == null ? -1 : column(h, f, mapping.productCity(), "product_city");
            productAttributes = mapping.productAttributes().stream().mapToInt(c -> column(h, f, c, "product_attributes")).toArray();
            consumerAttributes = mapping.consumerAttributes().stream().mapToInt(c -> column(h, f, c, "consumer_attributes")).toArray();
        }
    }

    private int column(Header h, TextFile f, String column, String role) {
        Integer i = h.index(column);
        if (i == null) {
            String where = mapping.source() == null ? "the default mapping" : "mapping " + mapping.source();
            throw new WorkbenchException(where + ": column '" + column + "' (" + role + ") is not in " + f.name()
                    + " (its columns: " + String.join(", ", headerNames(h)) + ")");
        }
        return i;
    }

    private static List<String> headerNames(Header h) {
        return java.util.stream.IntStream.range(0, h.size()).mapToObj(h::name).toList();
    }

    private void readFile(ImportTarget target, Path path) {
        Timestamps times = new Timestamps(mapping.timeFormat());
        Pattern split = mapping.attributeSeparator() == null ? null : Pattern.compile(Pattern.quote(mapping.attributeSeparator()));
        try (TextFile f = TextFile.open(path, mapping.delimiterFor(path), mapping.quote())) {
            Header h = Header.read(f);
            Columns c = new Columns(h, f);
            int width = h.size();
            String[] r;
            while ((r = f.nextRecord()) != null) {
                target.row(f);
                try {
                    ImportTarget.expectFields(r, width, f);
                    String consumerId = r[c.consumer];
                    String productId = r[c.product];
                    if (consumerId.isBlank()) {
                        throw new RowProblem(f.name(), f.recordLine(), "consumer id is missing");
                    }
                    if (productId.isBlank()) {
                        throw new RowProblem(f.name(), f.recordLine(), "product id is missing");
                    }
                    double rating = target.rating(r[c.rating], f.name(), f.recordLine());
                    Long ts = c.time < 0 ? null : times.epochSeconds(r[c.time], f.name(), f.recordLine());
                    Integer pid = target.knownProduct(productId);
                    if (pid == null) {
                        pid = target.addProduct(productId, c.name < 0 ? productId : r[c.name], c.city < 0 ? null : r[c.city]);
                        attributes(target, pid, true, c.productAttributes, h, r, split);
                    }
                    Integer cid = target.knownConsumer(consumerId);
                    if (cid == null) {
                        cid = target.consumer(consumerId);
                        attributes(target, cid, false, c.consumerAttributes, h, r, split);
                    }
                    target.interaction(cid, pid, rating, ts, null);
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
    }

    private static void attributes(ImportTarget target, int id, boolean product, int[] columns, Header h, String[] row,
                                   Pattern split) {
        for (int col : columns) {
            String[] values = split == null ? new String[] {row[col]} : split.split(row[col]);
            for (String v : values) {
                if (product) {
                    target.productAttribute(id, h.name(col), v);
                } else {
                    target.consumerAttribute(id, h.name(col), v);
                }
            }
        }
    }
}
