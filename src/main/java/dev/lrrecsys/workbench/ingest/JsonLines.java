package dev.lrrecsys.workbench.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON-lines file read one line at a time with Jackson's streaming parser, keeping only the top-level
 * fields asked for (scalars as text, objects and arrays as trees when asked), so multi-GB files with long
 * review texts stream in bounded memory. A line that is not one complete JSON object is a {@link RowProblem}.
 */
final class JsonLines implements AutoCloseable {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREES = new ObjectMapper(FACTORY);

    private final TextFile file;
    private final Map<String, Integer> wanted = new HashMap<>();
    private final boolean[] asTree;
    private final String[] text;
    private final JsonNode[] trees;

    /** @param scalars fields read as text; @param treeFields fields read as trees (objects, arrays) */
    JsonLines(Path path, String[] scalars, String[] treeFields) {
        int n = scalars.length + treeFields.length;
        asTree = new boolean[n];
        text = new String[n];
        trees = new JsonNode[n];
        for (int i = 0; i < scalars.length; i++) {
            wanted.put(scalars[i], i);
        }
        for (int i = 0; i < treeFields.length; i++) {
            wanted.put(treeFields[i], scalars.length + i);
            asTree[scalars.length + i] = true;
        }
        file = TextFile.openLines(path);
    }

    TextFile file() {
        return file;
    }

    /**
     * Reads the next line; false at the end of the file.
     *
     * @throws RowProblem when the line is not one complete JSON object
     */
    boolean next() throws RowProblem {
        java.util.Arrays.fill(text, null);
        java.util.Arrays.fill(trees, null);
        int length = file.nextLine();
        if (length < 0) {
            return false;
        }
        String field = null;
        try (JsonParser p = FACTORY.createParser(file.lineBytes(), 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw problem("expected a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                field = p.currentName();
                Integer i = wanted.get(field);
                JsonToken value = p.nextToken();
                if (i == null) {
                    p.skipChildren();
                } else if (asTree[i]) {
                    trees[i] = TREES.readTree(p);
                } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    trees[i] = TREES.readTree(p);
                } else if (value != JsonToken.VALUE_NULL) {
                    text[i] = p.getText();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw problem("malformed JSON");
            }
            if (p.nextToken() != null) {
                throw problem("more than one JSON value on the line");
            }
        } catch (StreamConstraintsException e) {
            throw problem(tooLarge(e, field));
        } catch (JsonEOFException e) {
            throw problem("truncated JSON (the line ends inside an object)");
        } catch (JsonProcessingException e) {
            throw problem("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new dev.lrrecsys.workbench.WorkbenchException("cannot read " + file.path() + ": " + IoReason.of(e), e);
        }
        return true;
    }

    /** Jackson's limits, said without its class names (its text names StreamReadConstraints' getters). */
    private static String tooLarge(StreamConstraintsException e, String field) {
        StreamReadConstraints limits = FACTORY.streamReadConstraints();
        String m = String.valueOf(e.getOriginalMessage());
        String where = field == null ? "" : " of '" + field + "'";
        if (m.startsWith("String value length")) {
            return "the text" + where + " is longer than " + limits.getMaxStringLength() + " characters";
        }
        if (m.startsWith("Number value length")) {
            return "the number" + where + " is longer than " + limits.getMaxNumberLength() + " digits";
        }
        if (m.startsWith("Name length")) {
            return "a field name is longer than " + limits.getMaxNameLength() + " characters";
        }
        if (m.startsWith("Document nesting depth")) {
            return "the JSON is nested deeper than " + limits.getMaxNestingDepth() + " levels";
        }
        return "a JSON value is larger than the reader accepts";
    }

    private RowProblem problem(String reason) {
        return new RowProblem(file.name(), file.recordLine(), reason);
    }

    /** The text of a scalar field of the current line, null when absent or null. */
    String text(String field) {
        return text[wanted.get(field)];
    }

    /** The tree of an object or array field of the current line, null when absent. */
    JsonNode tree(String field) {
        return trees[wanted.get(field)];
    }

    @Override
    public void close() {
        file.close();
    }
}
