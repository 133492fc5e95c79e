package dev.lrrecsys.workbench.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read, in words: java.nio's file-system exceptions carry the path as their message
 * and the operating system's reason apart (often none, e.g. for "permission denied"), so printing the
 * message alone said "cannot read /x/f.csv: /x/f.csv".
 */
final class IoReason {

    private IoReason() {
    }

    static String of(IOException e) {
        if (e instanceof FileSystemException fs) {
            if (fs.getReason() != null && !fs.getReason().isBlank()) {
                return fs.getReason();
            }
            if (e instanceof AccessDeniedException) {
                return "Permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return "No such file or directory";
            }
            if (e instanceof NotDirectoryException) {
                return "Not a directory";
            }
            return e.getClass().getSimpleName();
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
