package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The rejects CSV of a --skip-bad-rows import (file, line, reason), written as rows are rejected so that
 * millions of bad rows cost no memory. Created on the first reject only.
 */
final class RejectsFile implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;
    private Path path;
    private BufferedWriter out;
    private long count;

    RejectsFile(Path dir) {
        this.dir = dir;
    }

    void add(RowProblem p) {
        try {
            if (out == null) {
                Files.createDirectories(dir);
                path = uniquePath();
                out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                out.write("file,line,reason\n");
            }
            out.write(quote(p.file()) + "," + p.line() + "," + quote(p.reason()) + "\n");
            count++;
        } catch (IOException e) {
            throw new WorkbenchException("cannot write the rejects file in " + dir + ": " + IoReason.of(e), e);
        }
    }

    private Path uniquePath() {
        String stamp = LocalDateTime.now().format(STAMP);
        Path p = dir.resolve("rejects-" + stamp + ".csv");
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve("rejects-" + stamp + "-" + i + ".csv");
        }
        return p;
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    long count() {
        return count;
    }

    /** The file, or null when nothing was rejected. */
    Path path() {
        return path;
    }

    /** Removes the file: used when the import failed and rolled back, so the rejects describe nothing. */
    void discard() {
        close();
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // A leftover rejects file misleads no one into thinking rows were imported; keep going.
            }
            path = null;
        }
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new WorkbenchException("cannot write the rejects file " + path + ": " + IoReason.of(e), e);
            }
            out = null;
        }
    }
}
