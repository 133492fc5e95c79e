package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.explain.ExplainFixtures;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.TableSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `lrw scores` and `lrw generate --candidates N` as a user runs them, with their bad-input lines. */
class ScoresAndBestOfNCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        CommandLine cl = LrwCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private String world() {
        String p = synthesized("world");
        assertThat(run("samples", "--project", p).exit()).isZero();
        return p;
    }

    private String synthesized(String name) {
        String p = dir.resolve(name).toString();
        assertThat(run("synth", "--project", p, "--consumers", "40", "--products", "12", "--interactions", "480",
                "--seed", "5").exit()).isZero();
        return p;
    }

    private static List<String> contents(String p) {
        try (Project project = Project.open(Path.of(p))) {
            List<String> out = new ArrayList<>(ExplainFixtures.storeContents(project));
            for (String table : List.of("alignment_probe", "alignment_score", "explanation_candidate")) {
                out.add("# " + table);
                List<String> rows = new ArrayList<>(TableSnapshot.rows(project.database(), "SELECT * FROM " + table));
                rows.sort(null);
                out.addAll(rows);
            }
            return out;
        }
    }

    private static long count(String p, String sql) {
        try (Project project = Project.open(Path.of(p))) {
            return TableSnapshot.count(project.database(), sql);
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void scoresStoreLcAndIcOfEveryPairAndPrintTheirDistribution() {
        String p = world();
        assertThat(run("generate", "--project", p).exit()).isZero();
        Outcome o = run("scores", "--project", p);
        assertThat(o.exit()).as(o.err()).isZero();
        long samples = count(p, "SELECT COUNT(*) FROM sample");
        assertThat(o.out()).contains("explanations: offline (offline reasoner (no LLM))\n", "scored: " + samples + "\n",
                "lc count: " + samples + "\n", "ic count: " + samples + "\n", "lc mean: ", "lc q1: ", "lc median: ",
                "lc q3: ", "ic mean: ", "ic q1: ", "ic median: ", "ic q3: ", "probe validation rmse: ",
                "id-only validation rmse: ");
        assertThat(count(p, "SELECT COUNT(*) FROM alignment_score")).isEqualTo(samples);
        assertThat(count(p, "SELECT COUNT(*) FROM alignment_score WHERE lc < 0 OR lc > 1 OR ic < -1 OR ic > 1")).isZero();
        // Scoring again replaces the probe and its scores.
        assertThat(run("scores", "--project", p).exit()).isZero();
        assertThat(count(p, "SELECT COUNT(*) FROM alignment_probe")).isEqualTo(1);
        assertThat(count(p, "SELECT COUNT(*) FROM alignment_score")).isEqualTo(samples);
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void bestOfThreeKeepsOnePairPerSampleAndStoresTheOthersAsRejected() {
        String p = world();
        assertThat(run("generate", "--project", p).exit()).isZero();
        assertThat(run("scores", "--project", p).exit()).isZero();
        long samples = count(p, "SELECT COUNT(*) FROM sample");
        Outcome o = run("generate", "--project", p, "--candidates", "3");
        assertThat(o.exit()).as(o.err()).isZero();
        // Candidate 0 is the first pass's answer: two more per side.
        assertThat(o.out()).contains("best-of-n candidates: 3 per side\n", "best-of-n samples: " + samples + "\n",
                "generator calls: " + 4 * samples + " (4.00 per sample; candidate 0 is the first pass's answer)\n");
        assertThat(count(p, "SELECT COUNT(*) FROM explanation_candidate")).isEqualTo(6 * samples);
        assertThat(count(p, "SELECT COUNT(*) FROM explanation_candidate WHERE status = 'chosen'")).isEqualTo(2 * samples);
        assertThat(count(p, "SELECT COUNT(*) FROM explanation_candidate WHERE status = 'rejected' AND reason LIKE 'rejected: %'"))
                .isEqualTo(4 * samples);
        // The explanation rows hold the chosen texts, and the chosen pair's scores replace the first pass's.
        assertThat(count(p, "SELECT COUNT(*) FROM explanation e JOIN explanation_candidate c ON c.sample_id = e.sample_id "
                + "AND c.side = e.side AND c.status = 'chosen' WHERE e.text <> c.text")).isZero();
        assertThat(count(p, "SELECT COUNT(*) FROM explanation_candidate WHERE candidate > 0 AND status = 'chosen'"))
                .isPositive();
        // Same texts as the reasoner's, reordered: the candidates of a side hold the same words.
        assertThat(count(p, "SELECT COUNT(*) FROM explanation_candidate c JOIN explanation_candidate z ON "
                + "z.sample_id = c.sample_id AND z.side = c.side AND z.candidate = 0 WHERE LENGTH(c.text) <> LENGTH(z.text)"))
                .isZero();

        Outcome again = run("generate", "--project", p, "--candidates", "3");
        assertThat(again.out()).contains("best-of-n samples: 0\n", "best-of-n already chosen: " + samples + "\n",
                "generator calls: 0 ");
    }

    @Test
    void scoresBeforeSamplesOrExplanationsSayWhatToRunAndStoreNothing() {
        String empty = synthesized("empty");
        List<String> before = contents(empty);
        Outcome noSamples = run("scores", "--project", empty);
        assertThat(noSamples.exit()).isEqualTo(1);
        assertThat(noSamples.err()).endsWith("error: No samples yet: run `lrw samples` and `lrw generate` before `lrw scores`.\n");
        assertThat(contents(empty)).isEqualTo(before);

        String p = world();
        before = contents(p);
        Outcome noExplanations = run("scores", "--project", p);
        assertThat(noExplanations.exit()).isEqualTo(1);
        assertThat(noExplanations.err()).endsWith("error: No explanations of offline (offline reasoner (no LLM)) to score: "
                + "run `lrw generate --generator offline` before `lrw scores`.\n");
        assertThat(contents(p)).isEqualTo(before);
    }

    @Test
    void badCandidateCountsAndBestOfNBeforeScoresSayWhyAndStoreNothing() {
        String p = world();
        List<String> before = contents(p);
        for (String n : List.of("0", "-2", "21", "1000000")) {
            Outcome o = run("generate", "--project", p, "--candidates", n);
            assertThat(o.exit()).isEqualTo(1);
            assertThat(o.err()).isEqualTo("error: candidates must be from 1 to 20 per side, got " + n + " (--candidates).\n");
        }
        Outcome noScores = run("generate", "--project", p, "--candidates", "3");
        assertThat(noScores.exit()).isEqualTo(1);
        assertThat(noScores.err()).endsWith("error: Best-of-N needs the alignment scores of offline (offline reasoner (no LLM)): "
                + "run `lrw generate` with one candidate, then `lrw scores`, then `lrw generate --candidates N`.\n");
        assertThat(contents(p)).isEqualTo(before);
    }
}
