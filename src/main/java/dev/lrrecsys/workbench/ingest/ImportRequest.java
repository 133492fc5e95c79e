package dev.lrrecsys.workbench.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What to import and how: the format, the input paths (files or folders), and the options of `lrw import`.
 * Null rating bounds keep the format's own scale; null duplicates means {@link DuplicatePolicy#REFUSE}.
 */
public record ImportRequest(ImportFormat format, List<Path> paths, boolean skipBadRows, boolean restaurantsOnly,
                            Path mappingFile, Double ratingMin, Double ratingMax, Double highThreshold,
                            DuplicatePolicy duplicates) {

    public ImportRequest {
        paths = List.copyOf(paths);
        duplicates = duplicates == null ? DuplicatePolicy.REFUSE : duplicates;
    }

    /** A strict import with the format's defaults. */
    public static ImportRequest of(ImportFormat format, Path... paths) {
        return new ImportRequest(format, List.of(paths), false, false, null, null, null, null, DuplicatePolicy.REFUSE);
    }

    public ImportRequest withSkipBadRows(boolean skip) {
        return new ImportRequest(format, paths, skip, restaurantsOnly, mappingFile, ratingMin, ratingMax, highThreshold, duplicates);
    }

    public ImportRequest withMapping(Path mapping) {
        return new ImportRequest(format, paths, skipBadRows, restaurantsOnly, mapping, ratingMin, ratingMax, highThreshold, duplicates);
    }

    public ImportRequest withRestaurantsOnly(boolean only) {
        return new ImportRequest(format, paths, skipBadRows, only, mappingFile, ratingMin, ratingMax, highThreshold, duplicates);
    }

    public ImportRequest withScale(Double min, Double max, Double high) {
        return new ImportRequest(format, paths, skipBadRows, restaurantsOnly, mappingFile, min, max, high, duplicates);
    }

    public ImportRequest withDuplicates(DuplicatePolicy policy) {
        return new ImportRequest(format, paths, skipBadRows, restaurantsOnly, mappingFile, ratingMin, ratingMax, highThreshold, policy);
    }
}
