package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The UCI "Restaurant &amp; consumer data" folder: the 130 restaurants of geoplaces2.csv with their
 * attributes and chefmoz* details, the consumers of userprofile.csv with their preferences, and the
 * ratings of rating_final.csv (0..2, food and service sub-ratings, no time: file order). '?' means missing.
 */
final class RestaurantConsumerReader implements FormatReader {

    static final String GEOPLACES = "geoplaces2.csv";
    static final String RATINGS = "rating_final.csv";
    static final String USERS = "userprofile.csv";
    private static final List<String> REQUIRED = List.of(GEOPLACES, USERS, RATINGS);
    /** A file of several rows per restaurant or consumer, each giving one value of one attribute. */
    private record DetailFile(String name, String attribute, boolean ofRestaurant) {
    }

    private static final List<DetailFile> DETAILS = List.of(
            new DetailFile("chefmozcuisine.csv", "cuisine", true),
            new DetailFile("chefmozparking.csv", "parking", true),
            new DetailFile("chefmozaccepts.csv", "payment", true),
            new DetailFile("chefmozhours4.csv", "hours", true),
            new DetailFile("usercuisine.csv", "cuisine", false),
            new DetailFile("userpayment.csv", "payment", false));
    /** geoplaces2 columns kept as attributes, with the name they get (Rambience is the restaurant's ambience). */
    private static final Map<String, String> PLACE_ATTRIBUTES = new LinkedHashMap<>();

    static {
        for (String c : List.of("latitude", "longitude", "state", "country", "alcohol", "smoking_area", "dress_code",
                "accessibility", "price")) {
            PLACE_ATTRIBUTES.put(c, c);
        }
        PLACE_ATTRIBUTES.put("Rambience", "ambience");
        for (String c : List.of("franchise", "area", "other_services")) {
            PLACE_ATTRIBUTES.put(c, c);
        }
    }

    private final Map<String, Path> files = new LinkedHashMap<>();

    RestaurantConsumerReader(List<Path> paths) {
        Path folder = null;
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                folder = p;
                try (var list = Files.list(p)) {
                    list.forEach(f -> files.putIfAbsent(f.getFileName().toString(), f));
                } catch (java.io.IOException e) {
                    throw new WorkbenchException("cannot list " + p + ": " + IoReason.of(e), e);
                }
            } else {
                FormatReader.existing(p);
                files.put(p.getFileName().toString(), p);
            }
        }
        for (String name : REQUIRED) {
            if (!files.containsKey(name)) {
                throw new WorkbenchException("file not found: " + (folder == null ? Path.of(name) : folder.resolve(name))
                        + " (the restaurant-consumer format needs " + String.join(", ", REQUIRED) + ")");
            }
        }
    }

    @Override
    public List<Path> inputFiles() {
        List<Path> out = new ArrayList<>();
        for (String name : REQUIRED) {
            out.add(files.get(name));
        }
        for (DetailFile d : DETAILS) {
            if (files.containsKey(d.name())) {
                out.add(files.get(d.name()));
            }
        }
        return out;
    }

    @Override
    public RatingScale defaultScale() {
        return RatingScale.of(0, 2);
    }

    @Override
    public String domain() {
        return ImportFormat.RESTAURANT_CONSUMER.domain();
    }

    @Override
    public void read(ImportTarget target) {
        readPlaces(target);
        readUsers(target);
        Set<String> skippedRestaurants = new HashSet<>();
        List<String> absent = new ArrayList<>();
        for (DetailFile d : DETAILS) {
            Path p = files.get(d.name());
            if (p == null) {
                absent.add(d.name());
            } else {
                readDetails(target, p, d.attribute(), d.ofRestaurant(), skippedRestaurants);
            }
        }
        readRatings(target);
        target.skippedProducts(skippedRestaurants.size());
        target.note("skipped " + skippedRestaurants.size() + " restaurants that have no name and no rating"
                + " (rows of chefmoz*.csv for restaurants not in " + GEOPLACES + ")");
        if (!absent.isEmpty()) {
            target.note("not found, so not imported: " + String.join(", ", absent));
        }
    }

    private static String value(String raw) {
        return raw == null || raw.equals("?") ? null : raw.strip();
    }

    private void readPlaces(ImportTarget target) {
        try (TextFile f = TextFile.open(files.get(GEOPLACES), ',', '"')) {
            Header h = Header.read(f);
            int id = h.require("placeID");
            int name = h.require("name");
            int city = h.require("city");
            // The names are repaired with words spelled intact elsewhere in the file, so the whole file is read first.
            List<String[]> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            LostCharacterRepair repair = new LostCharacterRepair();
            String[] r;
            while ((r = f.nextRecord()) != null) {
                target.row(f);
                try {
                    ImportTarget.expectFields(r, h.size(), f);
                    if (value(r[id]) == null) {
                        throw new RowProblem(f.name(), f.recordLine(), "placeID is missing");
                    }
                    // The products are added after the whole file is read (names are repaired from all its rows).
                    target.checkId(value(r[id]), "product");
                    Arrays.stream(r).forEach(repair::learn);
                    rows.add(r);
                    lines.add(f.recordLine());
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                Integer pid;
                try {
                    pid = target.addProduct(value(row[id]), repair.repair(value(row[name])), repair.repair(value(row[city])));
                } catch (RowProblem tooLongIdCheckedInTheFirstLoop) {
                    throw new IllegalStateException(tooLongIdCheckedInTheFirstLoop);
                }
                if (pid == null) {
                    target.reject(new RowProblem(f.name(), lines.get(i), "restaurant " + row[id] + " is listed twice"));
                    continue;
                }
                for (var a : PLACE_ATTRIBUTES.entrySet()) {
                    Integer col = h.index(a.getKey());
                    if (col != null) {
                        target.productAttribute(pid, a.getValue(), repair.repair(value(row[col])));
                    }
                }
            }
            target.fileDone(f);
        }
    }

    private void readUsers(ImportTarget target) {
        try (TextFile f = TextFile.open(files.get(USERS), ',', '"')) {
            Header h = Header.read(f);
            int id = h.require("userID");
            String[] r;
            while ((r = f.nextRecord()) != null) {
                target.row(f);
                try {
                    ImportTarget.expectFields(r, h.size(), f);
                    String ext = value(r[id]);
                    if (ext == null) {
                        throw new RowProblem(f.name(), f.recordLine(), "userID is missing");
                    }
                    if (target.knownConsumer(ext) != null) {
                        throw new RowProblem(f.name(), f.recordLine(), "consumer " + ext + " is listed twice");
                    }
                    int cid = target.consumer(ext);
                    for (int c = 0; c < r.length; c++) {
                        if (c != id) {
                            target.consumerAttribute(cid, h.name(c), value(r[c]));
                        }
                    }
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
    }

    private void readDetails(ImportTarget target, Path path, String attribute, boolean ofRestaurant,
                             Set<String> skippedRestaurants) {
        try (TextFile f = TextFile.open(path, ',', '"')) {
            Header h = Header.read(f);
            int id = h.require(ofRestaurant ? "placeID" : "userID");
            boolean hours = attribute.equals("hours");
            int val = hours ? h.require("hours") : 1 - id;
            int days = hours ? h.require("days") : -1;
            String[] r;
            while ((r = f.nextRecord()) != null) {
                target.row(f);
                try {
                    ImportTarget.expectFields(r, h.size(), f);
                    String ext = value(r[id]);
                    String v = value(r[val]);
                    if (hours && v != null && value(r[days]) != null) {
                        v = value(r[days]) + " " + v;
                    }
                    if (ofRestaurant) {
                        Integer pid = target.knownProduct(ext);
                        if (pid == null) {
                            skippedRestaurants.add(ext);
                        } else {
                            target.productAttribute(pid, attribute, v);
                        }
                    } else {
                        Integer cid = target.knownConsumer(ext);
                        if (cid == null) {
                            throw new RowProblem(f.name(), f.recordLine(), "unknown consumer id " + ext + " (not in " + USERS + ")");
                        }
                        target.consumerAttribute(cid, attribute, v);
                    }
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
    }

    private void readRatings(ImportTarget target) {
        try (TextFile f = TextFile.open(files.get(RATINGS), ',', '"')) {
            Header h = Header.read(f);
            int user = h.require("userID");
            int place = h.require("placeID");
            int rating = h.require("rating");
            int food = h.require("food_rating");
            int service = h.require("service_rating");
            String[] r;
            while ((r = f.nextRecord()) != null) {
                target.row(f);
                try {
                    ImportTarget.expectFields(r, h.size(), f);
                    Integer cid = target.knownConsumer(value(r[user]));
                    if (cid == null) {
                        throw new RowProblem(f.name(), f.recordLine(), "unknown consumer id " + r[user] + " (not in " + USERS + ")");
                    }
                    Integer pid = target.knownProduct(value(r[place]));
                    if (pid == null) {
                        throw new RowProblem(f.name(), f.recordLine(), "unknown product id " + r[place] + " (not in " + GEOPLACES + ")");
                    }
                    double stars = target.rating(r[rating], f.name(), f.recordLine());
                    double foodStars = subRating(target, r[food], "food_rating", f);
                    double serviceStars = subRating(target, r[service], "service_rating", f);
                    target.interaction(cid, pid, stars, null,
                            "food=" + RatingScale.format(foodStars) + ";service=" + RatingScale.format(serviceStars));
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
    }

    private static double subRating(ImportTarget target, String raw, String what, TextFile f) throws RowProblem {
        double v = ImportTarget.number(raw, what, f.name(), f.recordLine());
        if (!target.scale().contains(v)) {
            throw new RowProblem(f.name(), f.recordLine(), what + " " + raw.strip() + " is outside the scale " + target.scale().describe());
        }
        return v;
    }
}
