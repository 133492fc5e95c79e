package dev.lrrecsys.workbench.explain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts an answer only in the required form: one sentence, at most {@value #MAX_WORDS} words, starting with
 * the side's opening (a direct rating must also be a number on the dataset's scale). Whatever an answer
 * says outside that form, including text a product name smuggled in, is rejected, never stored as a sentence.
 */
public final class SentenceValidator {

    public static final int MAX_WORDS = 50;

    private static final Pattern SECOND_SENTENCE = Pattern.compile("[.!?][\"')\\]]*\\s+[A-Z]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
    private static final Pattern RATING = Pattern.compile("The predicted rating is (-?\\d+(?:\\.\\d+)?)\\.?");

    private final Domain domain;
    private final double ratingMin;
    private final double ratingMax;

    public SentenceValidator(Domain domain, double ratingMin, double ratingMax) {
        this.domain = domain;
        this.ratingMin = ratingMin;
        this.ratingMax = ratingMax;
    }

    public Domain domain() {
        return domain;
    }

    /** The outcome of a check: the cleaned sentence when valid, else the reason. */
    public record Verdict(boolean valid, String text, String reason) {
    }

    public Verdict check(String raw, Side side) {
        String text = clean(raw);
        if (text.isEmpty()) {
            return new Verdict(false, null, "empty answer");
        }
        if (text.indexOf('\n') >= 0) {
            return new Verdict(false, null, "more than one line" + quoted(text));
        }
        String opening = side.opening(domain);
        String caution = side.cautionOpening(domain);
        if (caution != null && text.startsWith(caution)) {
            opening = caution;
        }
        if (!text.startsWith(opening)) {
            return new Verdict(false, null, "does not start with \"" + opening + "\"" + quoted(text));
        }
        if (text.length() <= opening.length() + 1) {
            return new Verdict(false, null, "nothing after the opening" + quoted(text));
        }
        int words = WHITESPACE.split(text).length;
        if (words > MAX_WORDS) {
            return new Verdict(false, null, "more than " + MAX_WORDS + " words (" + words + ")");
        }
        if (SECOND_SENTENCE.matcher(text).find()) {
            return new Verdict(false, null, "more than one sentence" + quoted(text));
        }
        if (side == Side.RATING) {
            Matcher m = RATING.matcher(text);
            if (!m.matches()) {
                return new Verdict(false, null, "not a rating" + quoted(text));
            }
            double r = Double.parseDouble(m.group(1));
            if (r < ratingMin || r > ratingMax) {
                return new Verdict(false, null, "rating " + m.group(1) + " is outside " + fmt(ratingMin) + ".." + fmt(ratingMax));
            }
        }
        if (!text.endsWith(".") && !text.endsWith("!")) {
            text = text + ".";
        }
        return new Verdict(true, text, null);
    }

    /** Models often wrap the sentence in quotes or add a trailing newline; neither makes it a different answer. */
    private static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String t = raw.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return BLANKS.matcher(t.replace('\r', ' ')).replaceAll(" ");
    }

    /** The rejected answer, shortened, so a reviewer sees what came back. */
    private static String quoted(String text) {
        String one = text.replaceAll("\\s+", " ");
        return " (answer: " + (one.length() > 160 ? one.substring(0, 160) + "..." : one) + ")";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
