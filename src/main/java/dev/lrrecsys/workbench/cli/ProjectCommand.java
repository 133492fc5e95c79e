package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.CommitRecord;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.project.ProjectBackup;
import dev.lrrecsys.workbench.store.RowCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `lrw project ...`: project folder management. */
@Command(name = "project", mixinStandardHelpOptions = true, description = "Create and check project folders.",
        subcommands = {ProjectCommand.Create.class, ProjectCommand.Check.class, ProjectCommand.Compact.class})
public final class ProjectCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** `lrw project create DIR`. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a new, empty project folder with its database (workbench.mv.db).")
    static final class Create implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "The folder to create (may exist if empty of projects).")
        Path dir;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Project project = Project.create(dir)) {
                spec.commandLine().getOut().println("created: " + project.dir());
            }
            return 0;
        }
    }

    /**
     * `lrw project check --project DIR`: opens the project (which refuses a damaged database with the reason) and
     * prints what it holds beside what it held when last closed, and its backup.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Verify a project: its database against what it held when last closed, and its backup.")
    static final class Check implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        ProjectOption project;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            java.io.PrintWriter out = spec.commandLine().getOut();
            Path dir = project.dir().toAbsolutePath().normalize();
            // Read before opening: closing rewrites the record.
            java.util.Optional<CommitRecord> last = CommitRecord.read(dir);
            try (Project p = project.open()) {
                java.util.Map<String, Long> now = p.database().read(tx -> new RowCounts().read(tx));
                out.println("project: " + p.dir());
                out.println("database: " + p.dir().resolve(Project.DB_FILE_NAME) + ", "
                        + Files.size(p.dir().resolve(Project.DB_FILE_NAME)) + " bytes");
                out.println("last close: " + last.map(CommitRecord::closedAt)
                        .orElse("no record (closed by an earlier version, or never)"));
                now.forEach((table, n) -> out.println(table + ": " + n + last.map(r -> r.counts().get(table))
                        .map(before -> " (at last close: " + before + ")").orElse("")));
                Path backup = ProjectBackup.file(p.dir());
                out.println("backup: " + (Files.exists(backup)
                        ? backup + ", " + Files.size(backup) + " bytes, " + Files.getLastModifiedTime(backup)
                        : "none yet (one is kept from the first generation or experiment on)"));
                out.println("check: ok");
            }
            return 0;
        }
    }

    /** `lrw project compact --project DIR`: rewrites the database file with its live data only. */
    @Command(name = "compact", mixinStandardHelpOptions = true,
            description = "Shrink a project's database file to its live data (H2 SHUTDOWN COMPACT).")
    static final class Compact implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        ProjectOption project;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path file;
            long before;
            try (Project p = project.open()) {
                file = p.dir().resolve(Project.DB_FILE_NAME);
                p.compactOnClose();
                before = Files.size(file);
            }
            java.io.PrintWriter out = spec.commandLine().getOut();
            out.println("before: " + before + " bytes");
            out.println("after: " + Files.size(file) + " bytes");
            return 0;
        }
    }
}
