package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LrwLauncherTest {

    private static final Display HEADLESS_LINUX = new Display("Linux", Map.of("HOME", "/root"));

    @Test
    void linuxHasADisplayOnlyInAnX11OrWaylandSession() {
        assertThat(HEADLESS_LINUX.available()).isFalse();
        assertThat(new Display("Linux", Map.of("DISPLAY", " ")).available()).isFalse();
        assertThat(new Display("Linux", Map.of("DISPLAY", ":0")).available()).isTrue();
        assertThat(new Display("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0")).available()).isTrue();
        assertThat(new Display("FreeBSD", Map.of()).available()).isFalse();
    }

    @Test
    void macOsAndWindowsAlwaysHaveOne() {
        assertThat(new Display("Mac OS X", Map.of()).available()).isTrue();
        assertThat(new Display("Windows 11", Map.of()).available()).isTrue();
    }

    @Test
    void argumentsRunAsGivenWithOrWithoutADisplay() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LrwLauncher.run(commandLine(out, err), HEADLESS_LINUX, "--version");
        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("LR-Recsys Workbench 0.1.0" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @org.junit.jupiter.api.Tag("slow")
    @Test
    void noArgumentsWithoutADisplaySaySoAndRunTheMainJobHeadless(@TempDir Path tmp) {
        Path project = tmp.resolve("demo");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = commandLine(out, err);
        // The demo's own defaults (10 epochs, 2 repeats, 3 models) take minutes: the test keeps the command line
        // empty and shrinks the run through picocli's default values instead.
        Map<String, String> small = Map.of("--project", project.toString(), "--epochs", "1", "--repeats", "1",
                "--models", "mf");
        cl.setDefaultValueProvider(arg -> arg.command().name().equals("demo") && arg instanceof OptionSpec o
                ? small.get(o.longestName()) : null);

        int code = LrwLauncher.run(cl, HEADLESS_LINUX);

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).startsWith(LrwLauncher.NO_DISPLAY + System.lineSeparator());
        assertThat(out.toString()).contains("sample-projects/restaurant-consumer to " + project,
                "generator: offline (offline reasoner (no LLM)), variant contrastive", "ok: 2046",
                "| mf | baseline | 1 |", "open it in the window: lrw ui --project " + project);
        assertThat(Project.exists(project)).isTrue();
    }

    private static CommandLine commandLine(StringWriter out, StringWriter err) {
        CommandLine cl = LrwCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl;
    }
}
