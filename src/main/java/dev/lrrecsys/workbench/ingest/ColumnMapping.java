package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mapping file of the csv format (Java properties): which columns hold the consumer, product, rating,
 * time, product name, city and attributes, plus the delimiter, domain and rating scale. Without a file the
 * columns are named consumer, product, rating and (if present) time.
 */
record ColumnMapping(String source, String consumer, String product, String rating, String time, String timeFormat,
                     String productName, String productCity, List<String> productAttributes,
                     List<String> consumerAttributes, String attributeSeparator, Character delimiter, int quote,
                     String domain, Double ratingMin, Double ratingMax, Double highThreshold) {

    static final Set<String> KEYS = Set.of("consumer", "product", "rating", "time", "time_format", "product_name",
            "product_city", "product_attributes", "consumer_attributes", "attribute_separator", "delimiter", "quote",
            "domain", "rating_min", "rating_max", "high_threshold");
    static final Set<String> DOMAINS = Set.of("restaurant", "hotel", "movie", "product");

    /** The mapping used when no file is given. */
    static ColumnMapping defaults() {
        return new ColumnMapping(null, "consumer", "product", "rating", null, "auto", null, null, List.of(), List.of(),
                null, null, '"', ImportFormat.CSV.domain(), null, null, null);
    }

    static ColumnMapping read(Path file) {
        FormatReader.existing(file);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new WorkbenchException("cannot read the mapping file " + file + ": " + (e instanceof IOException io ? IoReason.of(io) : e.getMessage()), e);
        }
        String name = file.getFileName().toString();
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new WorkbenchException("mapping " + name + ": unknown key(s) " + String.join(", ", unknown)
                    + " (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
        }
        String domain = p.getProperty("domain", ImportFormat.CSV.domain()).strip();
        if (!DOMAINS.contains(domain)) {
            throw new WorkbenchException("mapping " + name + ": domain '" + domain + "' is not one of " + String.join(", ", new TreeSet<>(DOMAINS)));
        }
        return new ColumnMapping(name, required(p, "consumer", name), required(p, "product", name), required(p, "rating", name),
                optional(p, "time"), p.getProperty("time_format", "auto").strip(), optional(p, "product_name"),
                optional(p, "product_city"), list(p, "product_attributes"), list(p, "consumer_attributes"),
                optional(p, "attribute_separator"), delimiter(p, name), quote(p, name), domain,
                number(p, "rating_min", name), number(p, "rating_max", name), number(p, "high_threshold", name));
    }

    private static String required(Properties p, String key, String file) {
        String v = optional(p, key);
        if (v == null) {
            throw new WorkbenchException("mapping " + file + ": '" + key + "' is required (the column that holds the " + key + ")");
        }
        return v;
    }

    private static String optional(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static List<String> list(Properties p, String key) {
        String v = optional(p, key);
        return v == null ? List.of() : Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Character delimiter(Properties p, String file) {
        String v = p.getProperty("delimiter");
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.equals("tab") || v.equals("\\t") || v.equals("\t")) {
            return '\t';
        }
        if (v.length() != 1 || v.charAt(0) > 0x7F) {
            throw new WorkbenchException("mapping " + file + ": delimiter '" + v + "' must be one ASCII character or 'tab'");
        }
        return v.charAt(0);
    }

    private static int quote(Properties p, String file) {
        String v = p.getProperty("quote", "\"");
        if (v.equals("none")) {
            return -1;
        }
        if (v.length() != 1 || v.charAt(0) > 0x7F) {
            throw new WorkbenchException("mapping " + file + ": quote '" + v + "' must be one ASCII character or 'none'");
        }
        return v.charAt(0);
    }

    private static Double number(Properties p, String key, String file) {
        String v = optional(p, key);
        if (v == null) {
            return null;
        }
        try {
            return ImportTarget.number(v, key, file, 0);
        } catch (RowProblem e) {
            throw new WorkbenchException("mapping " + file + ": " + key + " '" + v + "' is not a number");
        }
    }

    /** The delimiter for a file: the mapping's, else tab for .tsv/.tab files, else comma. */
    char delimiterFor(Path file) {
        if (delimiter != null) {
            return delimiter;
        }
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".tsv") || n.endsWith(".tab") ? '\t' : ',';
    }
}
