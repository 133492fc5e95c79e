package dev.lrrecsys.workbench.ingest;

/**
 * One input row that cannot be imported, with where it is and why. Readers throw it for the row at hand;
 * {@link ImportTarget#reject} either fails the whole import with its message or records it in the rejects file.
 */
final class RowProblem extends Exception {

    private final String file;
    private final long line;
    private final String reason;

    RowProblem(String file, long line, String reason) {
        super(file + " line " + line + ": " + reason, null, false, false);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    String file() {
        return file;
    }

    long line() {
        return line;
    }

    String reason() {
        return reason;
    }
}
