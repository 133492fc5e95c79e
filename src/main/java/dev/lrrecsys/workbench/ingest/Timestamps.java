package dev.lrrecsys.workbench.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns the time values of data files into epoch seconds: epoch seconds or milliseconds, ISO dates and
 * date-times ("2016-03-09", "2016-03-09 00:00:00", "2016-03-09T00:00:00Z"), or a pattern of the user's.
 * Times without a zone are taken as UTC: only their order matters.
 */
final class Timestamps {

    /** Numbers above this are milliseconds (in seconds it would be the year 5138). */
    private static final long MILLIS_FROM = 100_000_000_000L;

    private final String format;
    private final DateTimeFormatter pattern;

    /** @param format auto | epoch-seconds | epoch-millis | iso | a DateTimeFormatter pattern */
    Timestamps(String format) {
        this.format = format == null ? "auto" : format;
        this.pattern = switch (this.format) {
            case "auto", "epoch-seconds", "epoch-millis", "iso" -> null;
            default -> DateTimeFormatter.ofPattern(this.format);
        };
    }

    long epochSeconds(String raw, String file, long line) throws RowProblem {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw new RowProblem(file, line, "time is missing");
        }
        try {
            return switch (format) {
                case "epoch-seconds" -> Long.parseLong(s);
                case "epoch-millis" -> Math.floorDiv(Long.parseLong(s), 1000L);
                case "iso" -> iso(s);
                case "auto" -> isDigits(s) ? auto(Long.parseLong(s)) : iso(s);
                default -> withPattern(s);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new RowProblem(file, line, "time '" + s + "' is not " + expected());
        }
    }

    private String expected() {
        return switch (format) {
            case "epoch-seconds" -> "in epoch seconds";
            case "epoch-millis" -> "in epoch milliseconds";
            case "iso" -> "an ISO date or date-time";
            case "auto" -> "epoch seconds or an ISO date or date-time";
            default -> "in the pattern " + format;
        };
    }

    private static long auto(long n) {
        return n >= MILLIS_FROM ? Math.floorDiv(n, 1000L) : n;
    }

    private static boolean isDigits(String s) {
        for (int i = s.startsWith("-") ? 1 : 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return s.length() > (s.startsWith("-") ? 1 : 0);
    }

    static long iso(String s) {
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        }
        String t = s.replace(' ', 'T');
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return OffsetDateTime.parse(t).toEpochSecond();
        }
        return LocalDateTime.parse(t).toEpochSecond(ZoneOffset.UTC);
    }

    private long withPattern(String s) {
        var parsed = pattern.parseBest(s, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        if (parsed instanceof OffsetDateTime o) {
            return o.toEpochSecond();
        }
        if (parsed instanceof LocalDateTime l) {
            return l.toEpochSecond(ZoneOffset.UTC);
        }
        return ((LocalDate) parsed).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }
}
