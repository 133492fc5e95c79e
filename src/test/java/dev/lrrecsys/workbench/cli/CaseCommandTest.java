package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.workflow.InspectCase;
import dev.lrrecsys.workbench.workflow.TrainedCaseProject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `lrw case` on a project trained for real: the printed keys, edits, salience and its bad-input lines. */
@Tag("slow")
class CaseCommandTest {

    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result lrw(String... args) {
        CommandLine cl = LrwCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void printsTheCaseAndTheCounterfactualTheWorkflowComputes() {
        Path dir = TrainedCaseProject.copyTo(tmp);
        InspectCase.CaseReport expected;
        try (Project p = Project.open(dir)) {
            expected = new InspectCase(p).inspect(InspectCase.Settings.defaults().withEdits("they like feature 2", null, null, null),
                    TaskContext.silent());
        }
        Result plain = lrw("case", "--project", dir.toString());
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("sample: " + expected.sampleId() + "\n", "run: " + expected.run().id() + "\n",
                "prediction: " + CaseCommand.format(expected.original().prediction().value()) + "\n",
                "salient words (positive): ", "salient words (negative): ").doesNotContain("counterfactual");

        Result edited = lrw("case", "--project", dir.toString(), "--sample", Long.toString(expected.sampleId()),
                "--positive", "they like feature 2");
        assertThat(edited.code()).as(edited.err()).isZero();
        assertThat(edited.out()).contains("counterfactual prediction: "
                + CaseCommand.format(expected.counterfactual().prediction().value()) + "\n",
                "salient words (positive): ").containsPattern("salient words \\(positive\\): .*feature [+-]0\\.\\d{4}");
    }

    @Test
    void badInputSaysWhatIsWrongInOneLineAndChangesNothing() {
        Path dir = TrainedCaseProject.copyTo(tmp);
        Map<String, String> before;
        try (Project p = Project.open(dir)) {
            before = DatabaseSnapshot.of(p.database());
        }
        Result unknown = lrw("case", "--project", dir.toString(), "--negative", "qqq zzz");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("error: The edited negative explanation cannot be encoded: all words unknown to the autoencoder.");
        Result history = lrw("case", "--project", dir.toString(), "--history", "p1,p99");
        assertThat(history.err()).contains("error: History product 'p99' does not exist in this project.");
        Result sample = lrw("case", "--project", dir.toString(), "--sample", "424242");
        assertThat(sample.err()).contains("error: There is no sample 424242 in this project.");
        Result run = lrw("case", "--project", dir.toString(), "--run", "424242");
        assertThat(run.err()).contains("error: There is no run 424242 in this project.");
        try (Project p = Project.open(dir)) {
            assertThat(DatabaseSnapshot.of(p.database())).isEqualTo(before);
        }
    }
}
