package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.ui.SampleCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `lrw keywords` as a user runs it: build, show, and the refusals with their exact messages. */
class KeywordsCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run lrw(String... args) {
        CommandLine cl = LrwCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void refusesAProjectWithoutExplanationsAndChangesNothing(@TempDir Path tmp) {
        Path dir;
        try (Project p = SampleCopy.open(tmp)) {
            dir = p.dir();
        }
        Run run = lrw("keywords", "--project", dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: No 'ok' contrastive explanations in " + dir
                + ": generate explanations first (lrw generate).\n");
        try (Project p = Project.open(dir)) {
            java.util.List<KeywordRepository.Source> built = p.database().read(tx -> new KeywordRepository().builtSources(tx));
            assertThat(built).isEmpty();
        }
    }

    @Test
    void buildsTheIndexThenPrintsOneRestaurantsKeywords(@TempDir Path tmp) throws Exception {
        Path dir;
        try (Project p = SampleCopy.openWithExplanations(tmp)) {
            dir = p.dir();
        }
        Run notBuilt = lrw("keywords", "--project", dir.toString(), "--product", "tortas");
        assertThat(notBuilt.exit()).isEqualTo(1);
        assertThat(notBuilt.err()).isEqualTo("error: The keyword index of offline / offline reasoner (no LLM) is not built: run `lrw keywords --project "
                + dir + "` first.\n");

        Run build = lrw("keywords", "--project", dir.toString());
        assertThat(build.exit()).as(build.err()).isZero();
        assertThat(build.out()).matches("indexed: offline / offline reasoner \\(no LLM\\): \\d+ explanations, 130 products\\n");

        Run show = lrw("keywords", "--project", dir.toString(), "--product", "tortas", "--top", "3");
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out().lines()).hasSize(5);
        assertThat(show.out()).startsWith("product: Tortas Locas Hipocampo (offline / offline reasoner (no LLM))\nranking: peers\n"
                + "peers: the other ").contains("\npositive (");

        Run badRank = lrw("keywords", "--project", dir.toString(), "--product", "tortas", "--rank", "alphabetical");
        assertThat(badRank.exit()).isEqualTo(1);
        assertThat(badRank.err()).isEqualTo("error: Unknown ranking 'alphabetical': use peers, frequency or distinctiveness.\n");

        Run noMatch = lrw("keywords", "--project", dir.toString(), "--product", "no such place");
        assertThat(noMatch.exit()).isEqualTo(1);
        assertThat(noMatch.err()).isEqualTo("error: No product whose name contains 'no such place'.\n");
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void aPoolGeneratedProjectSaysHowManyRetrievedExplanationsWereLeftOut(@TempDir Path tmp) {
        String dir = tmp.resolve("w").toString();
        assertThat(lrw("synth", "--project", dir, "--consumers", "60", "--products", "20", "--interactions", "600",
                "--seed", "3").exit()).isZero();
        assertThat(lrw("samples", "--project", dir).exit()).isZero();
        Run generate = lrw("generate", "--project", dir, "--pool", "0.2");
        assertThat(generate.exit()).as(generate.err()).isZero();
        long leftOut;
        String product;
        long productPositive;
        long productNegative;
        try (Project p = Project.open(Path.of(dir))) {
            String aboutOthers = "SELECT COUNT(*) FROM explanation e JOIN sample s ON s.id = e.sample_id JOIN sample seed "
                    + "ON seed.id = e.seed_sample_id WHERE e.status = 'ok' AND e.source = 'retrieved' "
                    + "AND seed.product_id <> s.product_id";
            leftOut = dev.lrrecsys.workbench.store.TableSnapshot.count(p.database(), aboutOthers);
            product = dev.lrrecsys.workbench.store.TableSnapshot.rows(p.database(), "SELECT p.name FROM product p JOIN "
                    + "sample s ON s.product_id = p.id JOIN explanation e ON e.sample_id = s.id JOIN sample seed ON "
                    + "seed.id = e.seed_sample_id WHERE seed.product_id <> s.product_id GROUP BY p.name "
                    + "ORDER BY COUNT(*) DESC, p.name LIMIT 1").get(0);
            productPositive = dev.lrrecsys.workbench.store.TableSnapshot.count(p.database(), aboutOthers
                    + " AND e.side = 'positive' AND s.product_id = (SELECT id FROM product WHERE name = ?)", product);
            productNegative = dev.lrrecsys.workbench.store.TableSnapshot.count(p.database(), aboutOthers
                    + " AND e.side = 'negative' AND s.product_id = (SELECT id FROM product WHERE name = ?)", product);
        }
        assertThat(leftOut).isPositive();
        String note = ", " + leftOut + " retrieved explanations left out (written about another product)";
        assertThat(generate.out()).containsPattern("keywords indexed: offline / offline reasoner \\(no LLM\\): \\d+ "
                + "explanations, \\d+ products" + java.util.regex.Pattern.quote(note) + "\n");

        Run build = lrw("keywords", "--project", dir);
        assertThat(build.out()).matches("indexed: offline / offline reasoner \\(no LLM\\): \\d+ explanations, 20 products"
                + java.util.regex.Pattern.quote(note) + "\n");
        Run show = lrw("keywords", "--project", dir, "--product", product, "--top", "3");
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).endsWith("left out: " + productPositive + " positive, " + productNegative
                + " negative (retrieved from a seed sample about another product)\n");
    }
}
