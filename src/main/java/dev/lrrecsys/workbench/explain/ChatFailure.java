package dev.lrrecsys.workbench.explain;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** What went wrong with one chat request, read from the exception chain langchain4j throws. */
enum ChatFailure {
    UNREACHABLE, UNKNOWN_MODEL, TIMEOUT, SERVER_ERROR, OTHER;

    static ChatFailure of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException) {
                return UNREACHABLE;
            }
            if (t instanceof ModelNotFoundException || t instanceof HttpException h && h.statusCode() == 404) {
                return UNKNOWN_MODEL;
            }
            if (t instanceof HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof InternalServerException || t instanceof HttpException h && h.statusCode() >= 500) {
                return SERVER_ERROR;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return OTHER;
    }

    /** A short reason for the stored row. */
    static String describe(Throwable e) {
        ChatFailure f = of(e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // A reply missing a field the client library expects surfaces as its NullPointerException: say what it means.
        String msg = root instanceof NullPointerException
                ? "the server's reply lacked a field the API defines (a server fault)"
                : root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String head = switch (f) {
            case TIMEOUT -> "timeout";
            case SERVER_ERROR -> "server error";
            default -> "request failed";
        };
        String text = head + ": " + msg.replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
