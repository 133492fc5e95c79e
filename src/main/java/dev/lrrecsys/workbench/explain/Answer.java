package dev.lrrecsys.workbench.explain;

/**
 * The outcome for one prompt: an accepted sentence, a rejected answer (with why) or a failure after retries.
 *
 * @param fromCache true when the answer came from the prompt cache and nothing was sent
 */
public record Answer(Status status, String text, String reason, boolean fromCache) {

    /** Stored as explanation.status. */
    public enum Status {
        OK("ok"), REJECTED("rejected"), FAILED("failed");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Status of(String key) {
            for (Status s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException(key);
        }
    }

    public static Answer ok(String text) {
        return new Answer(Status.OK, text, null, false);
    }

    public static Answer rejected(String reason) {
        return new Answer(Status.REJECTED, null, reason, false);
    }

    public static Answer failed(String reason) {
        return new Answer(Status.FAILED, null, reason, false);
    }

    public Answer cached() {
        return new Answer(status, text, reason, true);
    }
}
