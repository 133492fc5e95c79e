package dev.lrrecsys.workbench.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes the synthetic input files of `lrw bench import`: a ratings CSV (consumer,product,rating,time) and
 * a Yelp-layout business.json + review.json, with about 20 ratings per consumer and 200 per product.
 */
public final class BenchmarkData {

    private static final DateTimeFormatter YELP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final long START = 1_500_000_000L;

    private BenchmarkData() {
    }

    public static void ratingsCsv(Path file, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long consumers = Math.max(1, rows / 20);
        long products = Math.max(1, rows / 200);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("consumer,product,rating,time\n");
            StringBuilder b = new StringBuilder(64);
            for (long i = 0; i < rows; i++) {
                b.setLength(0);
                b.append('u').append(random.nextLong(consumers)).append(",p").append(random.nextLong(products)).append(',')
                        .append(1 + random.nextInt(5)).append(',').append(START + i * 60).append('\n');
                w.append(b);
            }
        }
    }

    /** Writes business.json and review.json into the folder; every fourth business is not a restaurant. */
    public static void yelp(Path dir, long reviews, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long businesses = Math.max(1, reviews / 200);
        long users = Math.max(1, reviews / 20);
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("business.json"), StandardCharsets.UTF_8)) {
            for (long i = 0; i < businesses; i++) {
                String categories = i % 4 == 3 ? "Shopping, Books" : "Restaurants, " + (i % 2 == 0 ? "Thai" : "Mexican");
                w.write("{\"business_id\":\"b" + i + "\",\"name\":\"Business " + i + "\",\"city\":\"City " + (i % 50)
                        + "\",\"stars\":" + (1 + random.nextInt(9) * 0.5) + ",\"review_count\":200,\"attributes\":"
                        + "{\"RestaurantsPriceRange2\":\"" + (1 + random.nextInt(4)) + "\",\"Alcohol\":\"u'none'\","
                        + "\"BusinessParking\":\"{'garage': False, 'street': True, 'lot': False}\"},"
                        + "\"categories\":\"" + categories + "\"}\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("review.json"), StandardCharsets.UTF_8)) {
            for (long i = 0; i < reviews; i++) {
                w.write("{\"review_id\":\"r" + i + "\",\"user_id\":\"u" + random.nextLong(users) + "\",\"business_id\":\"b"
                        + random.nextLong(businesses) + "\",\"stars\":" + (1 + random.nextInt(5)) + ".0,\"useful\":0,"
                        + "\"text\":\"Synthetic review number " + i + ". The food was fine and the service friendly; "
                        + "we would come back for the curry.\",\"date\":\"" + YELP_DATE.format(Instant.ofEpochSecond(START + i * 60))
                        + "\"}\n");
            }
        }
    }
}
