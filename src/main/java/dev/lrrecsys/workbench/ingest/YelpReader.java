package dev.lrrecsys.workbench.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Yelp Open Dataset: business.json (products: name, city, categories, attributes, average stars) and
 * review.json (user_id, business_id, stars 1..5, date), both JSON lines, streamed.
 */
final class YelpReader implements FormatReader {

    /** Python-style dict values in Yelp attributes, e.g. "{'garage': False, 'street': True}". */
    private static final Pattern TRUE_ENTRY = Pattern.compile("'([^']+)'\\s*:\\s*True");

    private final Path business;
    private final Path review;
    private final boolean restaurantsOnly;

    YelpReader(List<Path> paths, boolean restaurantsOnly) {
        InputFolder in = new InputFolder(paths);
        this.business = in.require(n -> n.contains("business") && isJson(n), "business.json", paths);
        this.review = in.require(n -> n.contains("review") && isJson(n), "review.json", paths);
        this.restaurantsOnly = restaurantsOnly;
    }

    private static boolean isJson(String fileName) {
        return fileName.endsWith(".json") || fileName.endsWith(".json.gz");
    }

    @Override
    public List<Path> inputFiles() {
        return List.of(business, review);
    }

    @Override
    public RatingScale defaultScale() {
        return RatingScale.of(1, 5);
    }

    @Override
    public String domain() {
        return ImportFormat.YELP.domain();
    }

    @Override
    public void read(ImportTarget target) {
        Set<String> leftOut = readBusinesses(target);
        long otherReviews = readReviews(target, leftOut);
        if (restaurantsOnly) {
            target.skippedProducts(leftOut.size());
            target.note("left out " + leftOut.size() + " businesses that are not restaurants and their "
                    + otherReviews + " reviews");
        }
    }

    private Set<String> readBusinesses(ImportTarget target) {
        Set<String> leftOut = new HashSet<>();
        try (JsonLines in = new JsonLines(business, new String[] {"business_id", "name", "city", "stars", "categories"},
                new String[] {"attributes"})) {
            TextFile f = in.file();
            while (true) {
                try {
                    if (!in.next()) {
                        break;
                    }
                    target.row(f);
                    String id = in.text("business_id");
                    if (id == null || id.isBlank()) {
                        throw new RowProblem(f.name(), f.recordLine(), "business_id is missing");
                    }
                    List<String> categories = categories(in);
                    if (restaurantsOnly && !categories.contains("Restaurants")) {
                        leftOut.add(id.strip());
                        continue;
                    }
                    Integer pid = target.addProduct(id, in.text("name"), in.text("city"));
                    if (pid == null) {
                        throw new RowProblem(f.name(), f.recordLine(), "business " + id + " is listed twice");
                    }
                    for (String c : categories) {
                        target.productAttribute(pid, "category", c);
                    }
                    target.productAttribute(pid, "average_stars", in.text("stars"));
                    attributes(target, pid, in.tree("attributes"));
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
        return leftOut;
    }

    /** Categories are one comma-separated string in recent dumps and an array in older ones. */
    private static List<String> categories(JsonLines in) {
        String s = in.text("categories");
        JsonNode tree = in.tree("categories");
        if (tree != null && tree.isArray()) {
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            tree.forEach(n -> out.add(n.asText().strip()));
            return out;
        }
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(s.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    private static void attributes(ImportTarget target, int pid, JsonNode attributes) {
        if (attributes == null || !attributes.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = attributes.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                // Nested flags (BusinessParking, Ambience...): keep the ones that are true.
                Iterator<Map.Entry<String, JsonNode>> flags = v.fields();
                while (flags.hasNext()) {
                    Map.Entry<String, JsonNode> flag = flags.next();
                    if (flag.getValue().asText().equalsIgnoreCase("true")) {
                        target.productAttribute(pid, e.getKey(), flag.getKey());
                    }
                }
            } else {
                String text = v.asText().strip();
                if (text.startsWith("{")) {
                    Matcher m = TRUE_ENTRY.matcher(text);
                    while (m.find()) {
                        target.productAttribute(pid, e.getKey(), m.group(1));
                    }
                } else {
                    String clean = unquote(text);
                    if (!clean.isEmpty() && !clean.equals("None")) {
                        target.productAttribute(pid, e.getKey(), clean);
                    }
                }
            }
        }
    }

    /** Yelp writes Python reprs: u'free', 'none'. */
    private static String unquote(String s) {
        String t = s.startsWith("u'") ? s.substring(1) : s;
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.strip();
    }

    private long readReviews(ImportTarget target, Set<String> leftOut) {
        long otherReviews = 0;
        try (JsonLines in = new JsonLines(review, new String[] {"user_id", "business_id", "stars", "date"}, new String[0])) {
            TextFile f = in.file();
            while (true) {
                try {
                    if (!in.next()) {
                        break;
                    }
                    target.row(f);
                    String businessId = in.text("business_id");
                    Integer pid = businessId == null ? null : target.knownProduct(businessId);
                    if (pid == null) {
                        if (businessId != null && leftOut.contains(businessId.strip())) {
                            otherReviews++;
                            continue;
                        }
                        throw new RowProblem(f.name(), f.recordLine(), businessId == null ? "business_id is missing"
                                : "unknown product id " + businessId + " (not in " + business.getFileName() + ")");
                    }
                    String user = in.text("user_id");
                    if (user == null || user.isBlank()) {
                        throw new RowProblem(f.name(), f.recordLine(), "user_id is missing");
                    }
                    double stars = target.rating(in.text("stars"), f.name(), f.recordLine());
                    String date = in.text("date");
                    Long ts = date == null ? null : dateSeconds(date, f);
                    target.interaction(target.consumer(user), pid, stars, ts, null);
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
        return otherReviews;
    }

    private static long dateSeconds(String date, TextFile f) throws RowProblem {
        try {
            return Timestamps.iso(date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new RowProblem(f.name(), f.recordLine(), "date '" + date + "' is not a date");
        }
    }
}
