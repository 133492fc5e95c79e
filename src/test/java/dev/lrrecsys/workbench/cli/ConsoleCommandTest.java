package dev.lrrecsys.workbench.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs `lrw` commands in-process the way a user's console sees them: each call clears and refills {@link #out} and
 * {@link #err}, so a test reads what the last command printed.
 */
abstract class ConsoleCommandTest {

    protected final StringWriter out = new StringWriter();
    protected final StringWriter err = new StringWriter();

    protected int lrw(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = LrwCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
