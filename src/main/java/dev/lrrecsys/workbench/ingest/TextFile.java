package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A text file read as bytes: delimited records (CSV, TSV, pipe) or raw lines (JSON lines), with line
 * numbers for messages. Each field is decoded as UTF-8 when it is valid UTF-8 and as Latin-1 otherwise,
 * because real files (UCI's geoplaces2.csv) mix both; UTF-16 and binary files are refused up front.
 */
final class TextFile implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final Path path;
    private final String name;
    private final InputStream in;
    private final CountingInputStream raw;
    private final byte delimiter;
    private final int quote;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private long consumed;
    private long line = 1;
    private long recordLine;
    private byte[] field = new byte[256];
    private int fieldLength;
    private boolean fieldAscii;
    private final List<String> fields = new ArrayList<>();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private TextFile(Path path, CountingInputStream raw, InputStream in, byte delimiter, int quote) {
        this.path = path;
        this.name = path.getFileName().toString();
        this.raw = raw;
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
    }

    /** Opens a CSV-style file: {@code quote} is the quote character or -1 for none. */
    static TextFile open(Path path, char delimiter, int quote) {
        return openChecked(path, (byte) delimiter, quote);
    }

    /** Opens a file read line by line (JSON lines). */
    static TextFile openLines(Path path) {
        return openChecked(path, (byte) '\n', -1);
    }

    private static TextFile openChecked(Path path, byte delimiter, int quote) {
        if (!Files.exists(path)) {
            throw new WorkbenchException("file not found: " + path);
        }
        if (Files.isDirectory(path)) {
            throw new WorkbenchException(path + " is a folder, not a file");
        }
        CountingInputStream raw;
        InputStream in;
        try {
            raw = new CountingInputStream(Files.newInputStream(path));
            // Amazon and MovieLens dumps come gzipped; progress counts the compressed bytes read.
            in = isGzip(path) ? new GZIPInputStream(raw, BUFFER) : raw;
        } catch (IOException e) {
            throw new WorkbenchException("cannot read " + path + ": " + IoReason.of(e), e);
        }
        TextFile f = new TextFile(path, raw, in, delimiter, quote);
        try {
            f.checkStart();
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
        return f;
    }

    static boolean isGzip(Path path) {
        return path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    }

    /** Refuses empty, UTF-16 and binary files before any row is read, and skips a UTF-8 byte order mark. */
    private void checkStart() {
        fill();
        if (limit == 0) {
            throw new WorkbenchException(name + " is empty");
        }
        if (limit >= 2 && ((buf[0] == (byte) 0xFE && buf[1] == (byte) 0xFF) || (buf[0] == (byte) 0xFF && buf[1] == (byte) 0xFE))) {
            throw new WorkbenchException(name + " is not a UTF-8 or Latin-1 text file (it starts with a UTF-16 byte order mark): save it as UTF-8");
        }
        for (int i = 0; i < limit; i++) {
            if (buf[i] == 0) {
                throw new WorkbenchException(name + " is not a UTF-8 or Latin-1 text file (it contains NUL bytes: binary or UTF-16 data)");
            }
        }
        if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
        }
    }

    String name() {
        return name;
    }

    Path path() {
        return path;
    }

    /** Bytes of the file read so far (compressed bytes for .gz files), for progress. */
    long bytesRead() {
        return in == raw ? consumed + pos : raw.count();
    }

    /** The line on which the record (or line) last returned starts, 1-based. */
    long recordLine() {
        return recordLine;
    }

    /**
     * The next record's fields, or null at the end of the file. Blank lines are skipped. Quoted fields
     * may contain delimiters, doubled quotes and line breaks.
     */
    String[] nextRecord() {
        int b = read();
        while (b == '\n' || b == '\r') {
            if (b == '\n' || peek() != '\n') {
                line++;
            }
            b = read();
        }
        if (b < 0) {
            return null;
        }
        recordLine = line;
        fields.clear();
        startField();
        boolean inQuotes = false;
        boolean quoted = false;
        while (true) {
            if (b < 0) {
                if (inQuotes) {
                    throw new WorkbenchException(name + " line " + recordLine + ": a quoted field is not closed before the end of the file");
                }
                endField();
                break;
            }
            if (inQuotes) {
                if (b == quote) {
                    if (peek() == quote) {
                        read();
                        append(b);
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (b == '\n') {
                        line++;
                    }
                    append(b);
                }
            } else if (b == delimiter) {
                endField();
                startField();
                quoted = false;
            } else if (b == '\n') {
                line++;
                endField();
                break;
            } else if (b == '\r') {
                if (peek() == '\n') {
                    read();
                }
                line++;
                endField();
                break;
            } else if (b == quote && fieldLength == 0 && !quoted) {
                inQuotes = true;
                quoted = true;
            } else {
                append(b);
            }
            b = read();
        }
        return fields.toArray(new String[0]);
    }

    /**
     * Reads the next non-blank line into an internal buffer and returns its length, or -1 at the end of
     * the file; the bytes are in {@link #lineBytes()} until the next call.
     */
    int nextLine() {
        int b = read();
        while (b == '\n' || b == '\r') {
            if (b == '\n' || peek() != '\n') {
                line++;
            }
            b = read();
        }
        if (b < 0) {
            return -1;
        }
        recordLine = line;
        startField();
        while (b >= 0 && b != '\n' && b != '\r') {
            append(b);
            b = read();
        }
        if (b == '\r' && peek() == '\n') {
            read();
        }
        line++;
        return fieldLength;
    }

    byte[] lineBytes() {
        return field;
    }

    /** The next non-blank line decoded like a field (UTF-8 when valid, else Latin-1), or null at the end. */
    String nextLineText() {
        int length = nextLine();
        return length < 0 ? null : decode(field, length, fieldAscii);
    }

    private void startField() {
        fieldLength = 0;
        fieldAscii = true;
    }

    private void append(int b) {
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = (byte) b;
        if (b >= 0x80) {
            fieldAscii = false;
        }
    }

    private void endField() {
        fields.add(decode(field, fieldLength, fieldAscii));
    }

    private String decode(byte[] bytes, int length, boolean ascii) {
        if (ascii) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes, 0, length));
            return chars.toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }

    private int read() {
        if (pos == limit) {
            consumed += limit;
            pos = 0;
            limit = 0;
            fill();
            if (limit == 0) {
                return -1;
            }
        }
        return buf[pos++] & 0xFF;
    }

    private int peek() {
        if (pos == limit) {
            consumed += limit;
            pos = 0;
            limit = 0;
            fill();
            if (limit == 0) {
                return -1;
            }
        }
        return buf[pos] & 0xFF;
    }

    private void fill() {
        try {
            int n;
            while (limit < buf.length && (n = in.read(buf, limit, buf.length - limit)) > 0) {
                limit += n;
            }
        } catch (IOException e) {
            throw new WorkbenchException("cannot read " + path + ": " + IoReason.of(e), e);
        }
    }

    /** Counts the bytes read from the file itself, under any decompression. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing was written through this stream; a failed close loses nothing.
        }
    }
}
