package dev.lrrecsys.workbench.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MovieLens: the 100K layout (u.data tab-separated user/item/rating/time, u.item pipe-separated Latin-1
 * with 19 genre flags, optional u.genre and u.user), the 1M/10M layout (ratings.dat, movies.dat and
 * optional users.dat, fields separated by "::") or the ratings.csv/movies.csv layout (ml-latest, 20M,
 * 25M: genres split on '|', half-star ratings 0.5..5). Files may be gzipped.
 */
final class MovieLensReader implements FormatReader {

    /** The three releases' file layouts. */
    private enum Layout { ML_100K, DAT, CSV }

    /** u.genre of the 100K release, in flag order; used when u.genre is not given. */
    private static final List<String> GENRES_100K = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance",
            "Sci-Fi", "Thriller", "War", "Western");
    private static final Pattern YEAR = Pattern.compile("\\((\\d{4})\\)\\s*$");

    private final Layout layout;
    private final Path ratings;
    private final Path movies;
    private final Path genres;
    private final Path users;

    MovieLensReader(List<Path> paths) {
        InputFolder in = new InputFolder(paths);
        Path uData = in.find(n -> named(n, "u.data"));
        Path dat = in.find(n -> named(n, "ratings.dat"));
        if (uData != null) {
            layout = Layout.ML_100K;
            ratings = uData;
            movies = in.require(n -> named(n, "u.item"), "u.item", paths);
            genres = in.find(n -> named(n, "u.genre"));
            users = in.find(n -> named(n, "u.user"));
        } else if (dat != null) {
            layout = Layout.DAT;
            ratings = dat;
            movies = in.require(n -> named(n, "movies.dat"), "movies.dat", paths);
            genres = null;
            users = in.find(n -> named(n, "users.dat"));
        } else {
            layout = Layout.CSV;
            ratings = in.require(n -> named(n, "ratings.csv"), "u.data, ratings.dat or ratings.csv", paths);
            movies = in.require(n -> named(n, "movies.csv"), "movies.csv", paths);
            genres = null;
            users = null;
        }
    }

    private static boolean named(String fileName, String expected) {
        return fileName.equals(expected) || fileName.equals(expected + ".gz");
    }

    @Override
    public List<Path> inputFiles() {
        List<Path> out = new ArrayList<>();
        if (genres != null) {
            out.add(genres);
        }
        out.add(movies);
        if (users != null) {
            out.add(users);
        }
        out.add(ratings);
        return out;
    }

    @Override
    public RatingScale defaultScale() {
        return layout == Layout.CSV ? RatingScale.of(0.5, 5) : RatingScale.of(1, 5);
    }

    @Override
    public String domain() {
        return ImportFormat.MOVIELENS.domain();
    }

    @Override
    public void read(ImportTarget target) {
        switch (layout) {
            case ML_100K -> {
                List<String> genreNames = genres == null ? GENRES_100K : readGenres(target);
                readItems(target, genreNames);
                if (users != null) {
                    readUsers(target);
                }
                readRatings(target, TextFile.open(ratings, '\t', -1), false);
            }
            case DAT -> {
                readDatMovies(target);
                if (users != null) {
                    readDatUsers(target);
                }
                readDatRatings(target);
            }
            case CSV -> {
                readMovies(target);
                readRatings(target, TextFile.open(ratings, ',', '"'), true);
            }
        }
    }

    private List<String> readGenres(ImportTarget target) {
        List<String> names = new ArrayList<>();
        try (TextFile f = TextFile.open(genres, '|', -1)) {
            String[] r;
            while ((r = f.nextRecord()) != null) {
                if (r.length >= 1 && !r[0].isBlank()) {
                    names.add(r[0].strip());
                }
            }
            target.fileDone(f);
        }
        return names;
    }

    private void readItems(ImportTarget target, List<String> genreNames) {
        int width = 5 + genreNames.size();
        try (TextFile f = TextFile.open(movies, '|', -1)) {
            String[] r;
            while ((r = f.nextRecord()) != null) {
                target.row(f);
                try {
                    ImportTarget.expectFields(r, width, f);
                    Integer pid = target.addProduct(r[0].strip(), r[1], null);
                    if (pid == null) {
                        throw new RowProblem(f.name(), f.recordLine(), "movie " + r[0] + " is listed twice");
                    }
                    year(target, pid, r[1], r[2]);
                    for (int g = 0; g < genreNames.size(); g++) {
                        if (r[5 + g].strip().equals("1")) {
                            target.productAttribute(pid, "genre", genreNames.get(g));
                        }
                    }
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
    }

    private static void year(ImportTarget target, int pid, String title, String releaseDate) {
        Matcher m = YEAR.matcher(title);
        if (m.find()) {
            target.productAttribute(pid, "year", m.group(1));
        } else if (releaseDate != null && releaseDate.strip().matches(".*\\d{4}$")) {
            String d = releaseDate.strip();
            target.productAttribute(pid, "year", d.substring(d.length() - 4));
        }
    }

    private void readUsers(ImportTarget target) {
        try (TextFile f = TextFile.open(users, '|', -1)) {
            String[] r;
            while ((r = f.nextRecord()) != null) {
                target.row(f);
                try {
                    ImportTarget.expectFields(r, 5, f);
                    int cid = target.consumer(r[0].strip());
                    target.consumerAttribute(cid, "age", r[1]);
                    target.consumerAttribute(cid, "gender", r[2]);
                    target.consumerAttribute(cid, "occupation", r[3]);
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
    }

    private void readMovies(ImportTarget target) {
        try (TextFile f = TextFile.open(movies, ',', '"')) {
            Header h = Header.read(f);
            int id = h.require("movieId");
            int title = h.require("title");
            int genresColumn = h.require("genres");
            String[] r;
            while ((r = f.nextRecord()) != null) {
                target.row(f);
                try {
                    ImportTarget.expectFields(r, h.size(), f);
                    Integer pid = target.addProduct(r[id].strip(), r[title], null);
                    if (pid == null) {
                        throw new RowProblem(f.name(), f.recordLine(), "movie " + r[id] + " is listed twice");
                    }
                    year(target, pid, r[title].strip(), null);
                    for (String g : r[genresColumn].split("\\|")) {
                        if (!g.equals("(no genres listed)")) {
                            target.productAttribute(pid, "genre", g);
                        }
                    }
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
    }

    /** The fields of a "::"-separated line of the 1M/10M release, or null at the end of the file. */
    private static String[] datFields(TextFile f) {
        String line = f.nextLineText();
        return line == null ? null : line.split("::", -1);
    }

    private void readDatMovies(ImportTarget target) {
        try (TextFile f = TextFile.openLines(movies)) {
            String[] r;
            while ((r = datFields(f)) != null) {
                target.row(f);
                try {
                    ImportTarget.expectFields(r, 3, f);
                    Integer pid = target.addProduct(r[0].strip(), r[1], null);
                    if (pid == null) {
                        throw new RowProblem(f.name(), f.recordLine(), "movie " + r[0] + " is listed twice");
                    }
                    year(target, pid, r[1].strip(), null);
                    for (String g : r[2].split("\\|")) {
                        target.productAttribute(pid, "genre", g);
                    }
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
    }

    private void readDatUsers(ImportTarget target) {
        try (TextFile f = TextFile.openLines(users)) {
            String[] r;
            while ((r = datFields(f)) != null) {
                target.row(f);
                try {
                    ImportTarget.expectFields(r, 5, f);
                    int cid = target.consumer(r[0].strip());
                    target.consumerAttribute(cid, "gender", r[1]);
                    target.consumerAttribute(cid, "age", r[2]);
                    target.consumerAttribute(cid, "occupation", r[3]);
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
    }

    private void readDatRatings(ImportTarget target) {
        try (TextFile f = TextFile.openLines(ratings)) {
            String[] r;
            while ((r = datFields(f)) != null) {
                target.row(f);
                try {
                    ImportTarget.expectFields(r, 4, f);
                    rating(target, f, r[0], r[1], r[2], r[3]);
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
    }

    private void rating(ImportTarget target, TextFile f, String user, String item, String rating, String time)
            throws RowProblem {
        Integer pid = target.knownProduct(item.strip());
        if (pid == null) {
            throw new RowProblem(f.name(), f.recordLine(), "unknown product id " + item.strip()
                    + " (not in " + movies.getFileName() + ")");
        }
        double stars = target.rating(rating, f.name(), f.recordLine());
        long ts = ImportTarget.integer(time, "timestamp", f.name(), f.recordLine());
        if (user.isBlank()) {
            throw new RowProblem(f.name(), f.recordLine(), "user id is missing");
        }
        target.interaction(target.consumer(user.strip()), pid, stars, ts, null);
    }

    private void readRatings(ImportTarget target, TextFile file, boolean hasHeader) {
        try (TextFile f = file) {
            int user = 0;
            int item = 1;
            int rating = 2;
            int time = 3;
            int width = 4;
            if (hasHeader) {
                Header h = Header.read(f);
                user = h.require("userId");
                item = h.require("movieId");
                rating = h.require("rating");
                time = h.require("timestamp");
                width = h.size();
            }
            String[] r;
            while ((r = f.nextRecord()) != null) {
                target.row(f);
                try {
                    ImportTarget.expectFields(r, width, f);
                    rating(target, f, r[user], r[item], r[rating], r[time]);
                } catch (RowProblem p) {
                    target.reject(p);
                }
            }
            target.fileDone(f);
        }
    }
}
