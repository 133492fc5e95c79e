package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.WorkbenchException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReportTest {

    @Test
    void aUserFacingFailureIsShownAsItsOwnMessage() {
        ErrorReport r = ErrorReport.of("Open project", new WorkbenchException("No project in /x: create one."), "/logs/lrw.log");
        assertThat(r.headline()).isEqualTo("No project in /x: create one.");
        assertThat(r.whatToDo()).isEqualTo("Details are in the log file /logs/lrw.log.");
        assertThat(r.details()).contains("WorkbenchException");
    }

    @Test
    void aBugSaysWhatFailedAndToReportIt() {
        ErrorReport r = ErrorReport.of("Load dataset", new ExecutionException(new IllegalStateException("boom")), "/l.log");
        assertThat(r.headline()).isEqualTo("Load dataset failed: boom");
        assertThat(r.whatToDo()).isEqualTo("This is unexpected (a bug). Try again; if it repeats, report it with the details below (also in /l.log).");
        assertThat(r.details()).contains("IllegalStateException: boom");
    }

    @Test
    void theDetailsLeadWithTheCauseChainInPlainWordsThenTheStackTrace() {
        Exception root = new java.io.IOException("No space left on device");
        Exception middle = new IllegalStateException("Cannot write page 12", root);
        ErrorReport r = ErrorReport.of("Import dataset", new WorkbenchException("Import failed: the disk is full.", middle), "/l.log");
        assertThat(r.details()).startsWith("""
                What happened, outermost first:
                WorkbenchException: Import failed: the disk is full.
                  because IllegalStateException: Cannot write page 12
                  because IOException: No space left on device

                dev.lrrecsys.workbench.WorkbenchException: Import failed: the disk is full.
                \tat\s""");
    }
}
