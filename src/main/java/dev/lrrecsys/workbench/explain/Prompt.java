package dev.lrrecsys.workbench.explain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The exact text sent for one side of one sample, with the template version it came from (null for the
 * offline reasoner) and its SHA-256, the cache key.
 */
public record Prompt(Side side, String text, Integer templateVersion, String hash) {

    public static Prompt of(Side side, String text, Integer templateVersion) {
        return new Prompt(side, text, templateVersion, sha256(text));
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
