package dev.lrrecsys.workbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Standard output without the "Added differentiated op ..." lines that SameDiff 1.0.0-M2.1 prints with
 * System.out.println (not through its logger) every time it builds a gradient graph; every other line passes.
 */
final class Nd4jNoiseFilter extends OutputStream {

    private static final String NOISE = "Added differentiated op ";

    private final PrintStream target;
    private final Charset charset;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private Nd4jNoiseFilter(PrintStream target, Charset charset) {
        this.target = target;
        this.charset = charset;
    }

    static PrintStream wrap(PrintStream target) {
        Charset cs = Charset.defaultCharset();
        return new PrintStream(new Nd4jNoiseFilter(target, cs), true, cs);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            flushLine();
        }
    }

    @Override
    public synchronized void flush() {
        // A partial line (a prompt such as "Send these prompts? [y/N] ") must show before the user answers.
        if (line.size() > 0 && !line.toString(charset).startsWith(NOISE)) {
            flushLine();
        }
        target.flush();
    }

    private void flushLine() {
        String text = line.toString(charset);
        line.reset();
        if (!text.startsWith(NOISE)) {
            target.print(text);
        }
    }
}
