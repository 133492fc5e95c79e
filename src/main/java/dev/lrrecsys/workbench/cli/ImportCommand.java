package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.ingest.DuplicatePolicy;
import dev.lrrecsys.workbench.ingest.ImportResult;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.ImportDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** `lrw import`: reads a dataset into an empty project, all or nothing unless --skip-bad-rows. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a dataset into an empty project (all or nothing: any bad row stops the import and "
                + "changes nothing, unless --skip-bad-rows).",
                "Formats: restaurant-consumer (the UCI folder), yelp (business.json + review.json), amazon (2018 or 2023 "
                        + "review JSON lines + optional meta), movielens (100K folder or ratings.csv + movies.csv), "
                        + "csv (any CSV/TSV; columns named by --mapping, see docs/import.md)."})
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "restaurant-consumer | yelp | amazon | movielens | csv")
    String format;

    @Option(names = "--skip-bad-rows",
            description = "Import the good rows and write the bad ones (file, line, reason) to exports/rejects-<time>.csv.")
    boolean skipBadRows;

    @Option(names = "--restaurants-only", description = "yelp: keep only businesses whose categories contain Restaurants.")
    boolean restaurantsOnly;

    @Option(names = "--mapping", paramLabel = "FILE", description = "csv: the column mapping (properties file).")
    Path mapping;

    @Option(names = "--rating-min", paramLabel = "X", description = "Lowest rating of the scale (default: the format's).")
    Double ratingMin;

    @Option(names = "--rating-max", paramLabel = "Y", description = "Highest rating of the scale (default: the format's).")
    Double ratingMax;

    @Option(names = "--high-threshold", paramLabel = "Z",
            description = "Ratings from this value up count as high (default: the top 40%% of the scale).")
    Double highThreshold;

    @Option(names = "--duplicates", paramLabel = "POLICY", defaultValue = "refuse",
            description = "Rows of the same consumer, product and time: refuse (default), keep-last or mean.")
    String duplicates;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "The data files or folder.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    /** The workflow's settings these options describe. */
    public ImportDataset.Settings settings() {
        return new ImportDataset.Settings(ImportFormat.fromId(format), paths, skipBadRows, restaurantsOnly, mapping,
                ratingMin, ratingMax, highThreshold, DuplicatePolicy.fromId(duplicates));
    }

    @Override
    public Integer call() {
        ImportDataset.Settings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        try (Project p = project.open()) {
            ImportResult r = ConsoleProgress.run(ImportDataset.job(p, settings), spec.commandLine().getErr());
            out.println("imported: " + r.consumers() + " consumers, " + r.products() + " products, "
                    + r.interactions() + " interactions");
            r.notes().forEach(n -> out.println("note: " + n));
            if (r.rejectsFile() != null) {
                out.println("rejected: " + r.rejected() + " rows, listed in " + r.rejectsFile());
            }
        }
        return 0;
    }
}
