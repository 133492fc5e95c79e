package dev.lrrecsys.workbench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lrrecsys.workbench.WorkbenchException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Amazon review JSON lines, 2018 layout (reviewerID, asin, overall, unixReviewTime; meta: asin, title,
 * category or categories) and 2023 layout (user_id, parent_asin, rating, timestamp in ms; meta: parent_asin,
 * title, main_category, categories). The layout is detected per file from its first line. With a meta file
 * the reviews are read twice, so that only reviewed products are taken from a meta file of millions.
 */
final class AmazonReader implements FormatReader {

    /** The four kinds of file, with the field names that hold the product, consumer, rating and time. */
    enum Layout {
        REVIEWS_2018("asin", "reviewerID", "overall", "unixReviewTime", false),
        REVIEWS_2023("parent_asin", "user_id", "rating", "timestamp", true),
        META_2018("asin", null, null, null, false),
        META_2023("parent_asin", null, null, null, false);

        final String product;
        final String consumer;
        final String rating;
        final String time;
        final boolean millis;

        Layout(String product, String consumer, String rating, String time, boolean millis) {
            this.product = product;
            this.consumer = consumer;
            this.rating = rating;
            this.time = time;
            this.millis = millis;
        }

        boolean isReviews() {
            return consumer != null;
        }
    }

    private record Input(Path path, Layout layout) {
    }

    private final List<Input> reviews = new ArrayList<>();
    private final List<Input> metas = new ArrayList<>();

    AmazonReader(List<Path> paths) {
        for (Path p : new InputFolder(paths).files()) {
            if (!p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).contains(".json")) {
                continue;
            }
            Input in = new Input(p, detect(p));
            (in.layout.isReviews() ? reviews : metas).add(in);
        }
        if (reviews.isEmpty()) {
            // Only .json/.jsonl(.gz) files are considered, so a folder's README does not count.
            throw new WorkbenchException("file not found: no Amazon review file (JSON lines with reviewerID/asin/overall or "
                    + "user_id/parent_asin/rating) in " + paths);
        }
    }

    private static Layout detect(Path p) {
        try (JsonLines in = new JsonLines(p, new String[] {"reviewerID", "overall", "user_id", "rating", "asin",
                "parent_asin", "title"}, new String[0])) {
            if (!in.next()) {
                throw new WorkbenchException(p.getFileName() + " is empty");
            }
            if (present(in, "reviewerID") && present(in, "overall")) {
                return Layout.REVIEWS_2018;
            }
            if (present(in, "user_id") && present(in, "rating")) {
                return Layout.REVIEWS_2023;
            }
            if (present(in, "parent_asin")) {
                return Layout.META_2023;
            }
            if (present(in, "asin")) {
                return Layout.META_2018;
            }
            throw new WorkbenchException(p.getFileName() + " is not an Amazon review or meta file: its first line has none of "
                    + "reviewerID+overall, user_id+rating, parent_asin, asin");
        } catch (RowProblem e) {
            throw new WorkbenchException(e.getMessage());
        }
    }

    private static boolean present(JsonLines in, String field) {
        return in.text(field) != null || in.tree(field) != null;
    }

    @Override
    public List<Path> inputFiles() {
        List<Path> out = new ArrayList<>();
        if (!metas.isEmpty()) {
            reviews.forEach(r -> out.add(r.path));
            metas.forEach(m -> out.add(m.path));
        }
        reviews.forEach(r -> out.add(r.path));
        return out;
    }

    @Override
    public RatingScale defaultScale() {
        return RatingScale.of(1, 5);
    }

    @Override
    public String domain() {
        return ImportFormat.AMAZON.domain();
    }

    @Override
    public void read(ImportTarget target) {
        if (!metas.isEmpty()) {
            Set<String> reviewed = reviewedProducts(target);
            long named = 0;
            for (Input m : metas) {
                named += readMeta(target, m, reviewed);
            }
            target.note(named + " of " + reviewed.size() + " reviewed products found in the meta file(s); the others are named by their id");
        }
        for (Input r : reviews) {
            readReviews(target, r);
        }
    }

    private Set<String> reviewedProducts(ImportTarget target) {
        Set<String> ids = new HashSet<>();
        for (Input r : reviews) {
            try (JsonLines in = new JsonLines(r.path, new String[] {r.layout.product}, new String[0])) {
                while (true) {
                    try {
                        if (!in.next()) {
                            break;
                        }
                        target.row(in.file());
                        String id = in.text(r.layout.product);
                        if (id != null) {
                            ids.add(id.strip());
                        }
                    } catch (RowProblem badRowReportedInTheMainPass) {
                        // The second pass over this file reports it (or fails on it) with its line.
                    }
                }
                target.fileDone(in.file());
            }
        }
        return ids;
    }

    private long readMeta(ImportTarget target, Input m, Set<String> reviewed) {
        long named = 0;
        try (JsonLines in = new JsonLines(m.path, new String[] {m.layout.product, "title", "main_category"},
                new String[] {"category", "categories"})) {
            TextFile f = in.file();
            while (true) {
                try {
                    if (!in.next()) {
                        break;
                    }
                    target.row(f);
                    String id = in.text(m.layout.product);
                    if (id == null || !reviewed.contains(id.strip()) || target.knownProduct(id) != null) {
                        continue;
                    }
                    int pid = target.addProduct(id, in.text("title"), null);
                    named++;
                    target.productAttribute(pid, "main_category", in.text("main_category"));
                    for (String c : categories(in)) {
                        target.productAttribute(pid, "category", c);
                    }
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
        return named;
    }

    /** 2018: "category": [..]; 2014-style "categories": [[..], ..]; 2023: "categories": [..]. */
    private static Set<String> categories(JsonLines in) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String field : new String[] {"category", "categories"}) {
            JsonNode n = in.tree(field);
            if (n != null && n.isArray()) {
                for (JsonNode c : n) {
                    if (c.isArray()) {
                        c.forEach(x -> out.add(x.asText().strip()));
                    } else {
                        out.add(c.asText().strip());
                    }
                }
            }
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    private void readReviews(ImportTarget target, Input r) {
        Layout l = r.layout;
        try (JsonLines in = new JsonLines(r.path, new String[] {l.product, l.consumer, l.rating, l.time}, new String[0])) {
            TextFile f = in.file();
            while (true) {
                try {
                    if (!in.next()) {
                        break;
                    }
                    target.row(f);
                    String product = in.text(l.product);
                    String consumer = in.text(l.consumer);
                    if (product == null || product.isBlank()) {
                        throw new RowProblem(f.name(), f.recordLine(), l.product + " is missing");
                    }
                    if (consumer == null || consumer.isBlank()) {
                        throw new RowProblem(f.name(), f.recordLine(), l.consumer + " is missing");
                    }
                    double rating = target.rating(in.text(l.rating), f.name(), f.recordLine());
                    String time = in.text(l.time);
                    Long ts = null;
                    if (time != null) {
                        long t = ImportTarget.integer(time, l.time, f.name(), f.recordLine());
                        ts = l.millis ? Math.floorDiv(t, 1000L) : t;
                    }
                    target.interaction(target.consumer(consumer), target.product(product), rating, ts, null);
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
    }
}
