package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An LLM generator over a {@link ChatBackend}: validates every answer, retries once with a corrective
 * instruction, retries timeouts and server errors with exponential backoff, and stops the whole job (with
 * the message that says what to do) when the server disappears or does not have the model.
 */
public final class ChatExplanationGenerator implements ExplanationGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(ChatExplanationGenerator.class);
    private static final int PROFILE_MAX_WORDS = 60;

    private final ChatBackend backend;
    private final RetryPolicy retry;
    private final int concurrency;

    public ChatExplanationGenerator(ChatBackend backend, RetryPolicy retry, int concurrency) {
        if (concurrency < 1) {
            throw new WorkbenchException("--concurrency must be at least 1 (was " + concurrency + ").");
        }
        this.backend = backend;
        this.retry = retry;
        this.concurrency = concurrency;
    }

    @Override
    public String generator() {
        return backend.generator();
    }

    @Override
    public String model() {
        return backend.model();
    }

    @Override
    public boolean usesPrompts() {
        return true;
    }

    @Override
    public int concurrency() {
        return concurrency;
    }

    @Override
    public void checkReady() {
        backend.checkReady();
    }

    @Override
    public Answer answer(Prompt prompt, SampleContext context, SentenceValidator validator) {
        Reply first = send(prompt.text());
        if (first.failure() != null) {
            return Answer.failed(first.failure());
        }
        SentenceValidator.Verdict v = validator.check(first.text(), prompt.side());
        if (v.valid()) {
            return Answer.ok(v.text());
        }
        String opening = prompt.side().opening(validator.domain());
        Reply second = send(prompt.text() + corrective(v.reason(), opening));
        if (second.failure() != null) {
            return Answer.failed(second.failure());
        }
        SentenceValidator.Verdict v2 = validator.check(second.text(), prompt.side());
        return v2.valid() ? Answer.ok(v2.text()) : Answer.rejected(v2.reason());
    }

    @Override
    public Answer profile(Prompt prompt, ProductFacts product, Domain domain) {
        String opening = "This " + domain.noun();
        Reply first = send(prompt.text());
        if (first.failure() != null) {
            return Answer.failed(first.failure());
        }
        String reason = profileProblem(first.text(), opening);
        if (reason == null) {
            return Answer.ok(first.text().strip());
        }
        Reply second = send(prompt.text() + "\nYour previous answer was rejected (" + reason
                + "). Answer again with at most " + PROFILE_MAX_WORDS + " words beginning with \"" + opening + "\".\nAnswer:\n");
        if (second.failure() != null) {
            return Answer.failed(second.failure());
        }
        String reason2 = profileProblem(second.text(), opening);
        return reason2 == null ? Answer.ok(second.text().strip()) : Answer.rejected(reason2);
    }

    private static String profileProblem(String text, String opening) {
        String t = text == null ? "" : text.strip();
        if (!t.startsWith(opening)) {
            return "does not start with \"" + opening + "\"";
        }
        if (t.split("\\s+").length > PROFILE_MAX_WORDS || t.contains("\n")) {
            return "longer than " + PROFILE_MAX_WORDS + " words or more than one paragraph";
        }
        return null;
    }

    static String corrective(String reason, String opening) {
        String shortReason = reason.contains(" (answer:") ? reason.substring(0, reason.indexOf(" (answer:")) : reason;
        return "\nYour previous answer was rejected: " + shortReason + ". Answer again with exactly one sentence of at most "
                + SentenceValidator.MAX_WORDS + " words that begins with \"" + opening + "\", and nothing else.\nAnswer:\n";
    }

    /** The reply text, or why there is none after all retries. */
    private record Reply(String text, String failure) {
    }

    private Reply send(String prompt) {
        RuntimeException last = null;
        for (int attempt = 0; attempt <= retry.retries(); attempt++) {
            if (attempt > 0) {
                sleep(retry.delayMillis(attempt - 1));
            }
            try {
                String text = backend.chat(prompt);
                if (text == null || text.isBlank()) {
                    // A reply without text in the field the API defines is the server's fault (or a server that
                    // speaks another dialect), not a sentence to reject: retried, then stored as failed, so a
                    // rerun against a healthy server asks again.
                    throw new NoAnswerText();
                }
                return new Reply(text, null);
            } catch (RuntimeException e) {
                switch (ChatFailure.of(e)) {
                    case UNREACHABLE -> throw new WorkbenchException(backend.unreachableMessage(), e);
                    case UNKNOWN_MODEL -> throw new WorkbenchException(backend.unknownModelMessage(), e);
                    default -> {
                        last = e;
                        LOG.debug("attempt {} failed: {}", attempt + 1, e.toString());
                    }
                }
            }
        }
        return new Reply(null, ChatFailure.describe(last) + " (after " + (retry.retries() + 1) + " attempts)");
    }

    /** The server answered, but with no text where its API puts the answer. */
    static final class NoAnswerText extends RuntimeException {
        NoAnswerText() {
            super("the server's reply had no answer text in the field its API defines (a server fault)");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbenchException("Interrupted while waiting to retry", e);
        }
    }
}
