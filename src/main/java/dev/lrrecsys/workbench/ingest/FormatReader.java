package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads one data format into an {@link ImportTarget}. Its input files are resolved and checked before anything is written. */
interface FormatReader {

    /** The files that will be read, all existing, for progress (total bytes) and the record. */
    List<Path> inputFiles();

    /** The scale ratings of this format use, before the user's overrides. */
    RatingScale defaultScale();

    /** restaurant | hotel | movie | product. */
    String domain();

    void read(ImportTarget target);

    static FormatReader forRequest(ImportRequest request) {
        if (request.paths().isEmpty()) {
            throw new WorkbenchException("nothing to import: name the data files or folder");
        }
        return switch (request.format()) {
            case RESTAURANT_CONSUMER -> new RestaurantConsumerReader(request.paths());
            case YELP -> new YelpReader(request.paths(), request.restaurantsOnly());
            case AMAZON -> new AmazonReader(request.paths());
            case MOVIELENS -> new MovieLensReader(request.paths());
            case CSV -> new MappedCsvReader(request.paths(), request.mappingFile());
        };
    }

    /** Fails with "file not found" unless the path exists. */
    static Path existing(Path p) {
        if (!Files.exists(p)) {
            throw new WorkbenchException("file not found: " + p);
        }
        return p;
    }
}
