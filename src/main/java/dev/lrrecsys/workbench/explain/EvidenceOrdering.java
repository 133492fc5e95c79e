package dev.lrrecsys.workbench.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The offline reasoner's best-of-N candidates: the same sentence with its reasons ("Thai cuisine (4 of the last
 * 5)", ...) in another order. The reasoner is deterministic, so ordering is the one thing its candidates can
 * differ by without inventing evidence; for the autoencoder, which reads fixed word positions, another order is
 * another input. Ordering k is a seeded shuffle per sample (k = 0 keeps the reasoner's own order); a sentence
 * whose reasons cannot be read back (fewer than two, or another wording) is returned as it is.
 */
final class EvidenceOrdering {

    private static final String[] LEADS = {" likes ", " avoids "};

    private EvidenceOrdering() {
    }

    static String reorder(String sentence, int ordering, long sampleId) {
        if (ordering == 0 || sentence == null || !sentence.endsWith(".")) {
            return sentence;
        }
        int start = -1;
        for (String lead : LEADS) {
            int i = sentence.indexOf(lead);
            if (i >= 0 && (start < 0 || i < start)) {
                start = i + lead.length();
            }
        }
        if (start < 0) {
            return sentence;
        }
        List<String> reasons = split(sentence.substring(start, sentence.length() - 1));
        if (reasons == null || reasons.size() < 2) {
            return sentence;
        }
        List<String> shuffled = new ArrayList<>(reasons);
        Random random = new Random(sampleId * 1_000_003L + ordering);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
        }
        if (shuffled.equals(reasons)) {
            // Another order than the reasoner's own wherever there is one: rotate by the ordering's number.
            java.util.Collections.rotate(shuffled, ordering % shuffled.size() == 0 ? 1 : ordering % shuffled.size());
        }
        return sentence.substring(0, start) + join(shuffled) + ".";
    }

    /** "a (x), b (y, z) and c (w)" into its reasons, or null when a part is not "phrase (evidence)". */
    private static List<String> split(String body) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (depth == 0 && body.startsWith(", ", i)) {
                out.add(body.substring(from, i));
                from = i + 2;
                i++;
            } else if (depth == 0 && body.startsWith(" and ", i)) {
                out.add(body.substring(from, i));
                from = i + 5;
                i += 4;
            }
        }
        out.add(body.substring(from));
        for (String r : out) {
            if (r.isBlank() || !r.endsWith(")")) {
                return null;
            }
        }
        return out;
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
