package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.AlignmentRepository;
import dev.lrrecsys.workbench.store.CaseRepository;
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
import java.util.Locale;
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
    void printsTheStoredLcAndIcOnceScoredAndWhoseExplanationsAShuffledRunIsFed() throws Exception {
        Path dir = TrainedCaseProject.copyTo(tmp);
        Result unscored = lrw("case", "--project", dir.toString(), "--top", "0");
        assertThat(unscored.code()).as(unscored.err()).isZero();
        assertThat(unscored.out()).contains("scores: not scored yet: run lrw scores\n").doesNotContain("lc: ");

        Result scores = lrw("scores", "--project", dir.toString());
        assertThat(scores.code()).as(scores.err()).isZero();
        Result scored = lrw("case", "--project", dir.toString(), "--top", "0");
        long sample;
        long shuffled;
        AlignmentRepository.ScoreRow stored;
        try (Project p = Project.open(dir)) {
            InspectCase.CaseReport r = new InspectCase(p).inspect(InspectCase.Settings.defaults(), TaskContext.silent());
            sample = r.sampleId();
            stored = p.database().read(tx -> new AlignmentRepository().score(tx, "offline", r.run().generatorModel(),
                    "contrastive", r.sampleId())).orElseThrow();
            shuffled = p.database().read(tx -> new CaseRepository().doneRuns(tx)).stream()
                    .filter(x -> x.model().equals("shuffled")).findFirst().orElseThrow().id();
        }
        assertThat(scored.out()).contains("lc: " + String.format(Locale.ROOT, "%.3f", stored.lc()) + "\n",
                "ic: " + String.format(Locale.ROOT, "%.3f", stored.ic()) + "\n").doesNotContain("scores: ", "explanations: ");
        Result edited = lrw("case", "--project", dir.toString(), "--top", "0", "--positive", "they like feature 3");
        assertThat(edited.out()).contains("lc: " + String.format(Locale.ROOT, "%.3f", stored.lc()) + "\n")
                .containsPattern("(?m)^edited lc: -?\\d\\.\\d{3}$").containsPattern("(?m)^edited ic: -?\\d\\.\\d{3}$");

        Result control = lrw("case", "--project", dir.toString(), "--run", Long.toString(shuffled), "--sample", Long.toString(sample),
                "--top", "0");
        assertThat(control.code()).as(control.err()).isZero();
        java.util.regex.Matcher fed = java.util.regex.Pattern.compile("(?m)^explanation sample: (\\d+)$").matcher(control.out());
        assertThat(fed.find()).as(control.out()).isTrue();
        assertThat(control.out()).contains("explanations: shuffled control: run " + shuffled + " was trained and tested with sample "
                + fed.group(1) + "'s explanations in this sample's place");
        try (Project p = Project.open(dir)) {
            AlignmentRepository.ScoreRow fedScores = p.database().read(tx -> new AlignmentRepository().score(tx, "offline",
                    "offline reasoner (no LLM)", "contrastive", Long.parseLong(fed.group(1)))).orElseThrow();
            assertThat(control.out()).contains("lc: " + String.format(Locale.ROOT, "%.3f", fedScores.lc()) + "\n");
        }
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
