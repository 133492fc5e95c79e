package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.task.TaskSnapshot;
import dev.lrrecsys.workbench.task.TaskState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleProgressTest {

    private static TaskSnapshot snapshot(long done, long total, String message, double rate, double eta) {
        return new TaskSnapshot("Import", TaskState.RUNNING, done, total, message, rate, eta, null);
    }

    @Test
    void formatsCountsPercentRateEtaAndMessage() {
        assertThat(ConsoleProgress.format(snapshot(50, 200, "reading", 10.4, 15)))
                .isEqualTo("Import: 50/200 (25%), 10/s, ETA 0:15 - reading");
        assertThat(ConsoleProgress.format(snapshot(42, 0, "", 3, Double.NaN))).isEqualTo("Import: 42, 3/s");
        assertThat(ConsoleProgress.format(snapshot(0, 10, "starting", Double.NaN, Double.NaN)))
                .isEqualTo("Import: 0/10 (0%) - starting");
        assertThat(ConsoleProgress.format(snapshot(0, 0, "", Double.NaN, Double.NaN))).isEqualTo("Import: ");
    }

    @Test
    void formatsDurationsAsMinutesOrHours() {
        assertThat(ConsoleProgress.formatSeconds(0)).isEqualTo("0:00");
        assertThat(ConsoleProgress.formatSeconds(75.4)).isEqualTo("1:15");
        assertThat(ConsoleProgress.formatSeconds(3_725)).isEqualTo("1:02:05");
    }

    @FunctionalInterface
    private interface Body<R> {
        R run(TaskContext context) throws Exception;
    }

    private static <R> Job<R> job(String title, Body<R> body) {
        return new Job<>() {
            @Override public String title() { return title; }
            @Override public R run(TaskContext context) throws Exception { return body.run(context); }
        };
    }

    @Test
    void returnsTheResultOrRethrowsTheFailure() {
        PrintWriter err = new PrintWriter(new StringWriter());
        int result = ConsoleProgress.run(job("ok", c -> 7), err);
        assertThat(result).isEqualTo(7);

        WorkbenchException userError = new WorkbenchException("no such file");
        assertThatThrownBy(() -> ConsoleProgress.run(job("fail", c -> {
            throw userError;
        }), err)).isSameAs(userError);

        assertThatThrownBy(() -> ConsoleProgress.run(job("io", c -> {
            throw new IOException("disk full");
        }), err)).isInstanceOf(WorkbenchException.class).hasMessage("disk full");
    }

    @Test
    void aCancelledJobReportsThatWhatWasCommittedIsKept() {
        PrintWriter err = new PrintWriter(new StringWriter());
        assertThatThrownBy(() -> ConsoleProgress.run(job("Import csv", c -> {
            throw new dev.lrrecsys.workbench.task.CancelledException();
        }), err)).isInstanceOf(WorkbenchException.class)
                .hasMessage("Import csv was cancelled; what was committed is kept.");
    }
}
