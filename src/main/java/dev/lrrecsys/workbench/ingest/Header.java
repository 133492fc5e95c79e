package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;

import java.util.HashMap;
import java.util.Map;

/** The header row of a delimited file: column names to positions. */
final class Header {

    private final String file;
    private final String[] names;
    private final Map<String, Integer> index = new HashMap<>();

    private Header(String file, String[] names) {
        this.file = file;
        this.names = names;
        for (int i = 0; i < names.length; i++) {
            index.putIfAbsent(names[i].strip(), i);
        }
    }

    /** Reads the first record as the header; a file with no record at all is empty. */
    static Header read(TextFile f) {
        String[] names = f.nextRecord();
        if (names == null) {
            throw new WorkbenchException(f.name() + " is empty");
        }
        return new Header(f.name(), names);
    }

    int size() {
        return names.length;
    }

    String name(int i) {
        return names[i].strip();
    }

    /** The column's position, or null. */
    Integer index(String column) {
        return index.get(column);
    }

    int require(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new WorkbenchException(file + " has no column '" + column + "' (its columns: " + String.join(", ", names) + ")");
        }
        return i;
    }
}
