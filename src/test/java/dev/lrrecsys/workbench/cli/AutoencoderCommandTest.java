package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AutoencoderCommandTest {

    private static String[] run(String... args) {
        CommandLine cl = LrwCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void anUnknownOptimizerIsRefused(@TempDir Path dir) {
        String[] r = run("autoencoder", "--project", dir.toString(), "--optimizer", "rmsprop");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("error: Unknown optimizer 'rmsprop': use adagrad, adam or sgd.");
    }

    @Test
    void aProjectWithoutExplanationsIsRefused(@TempDir Path dir) {
        Project.create(dir.resolve("p")).close();
        String[] r = run("autoencoder", "--project", dir.resolve("p").toString(), "--epochs", "1");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("error: No contrastive explanations of generator 'offline', model 'offline reasoner "
                + "(no LLM)' in the training split: generate explanations first (lrw generate).");
        assertThat(r[1]).isEmpty();
    }
}
