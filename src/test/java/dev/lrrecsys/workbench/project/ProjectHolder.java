package dev.lrrecsys.workbench.project;

import java.nio.file.Path;

/**
 * Test support, run as a separate JVM: opens a project, prints "open", and holds it until its standard
 * input is closed, so tests can meet a project held by another process.
 */
public final class ProjectHolder {

    private ProjectHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Project p = Project.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait for the parent to close our stdin.
            }
        }
    }

    /** Starts the holder on a project and returns once it holds it. */
    public static Process start(Path projectDir) throws java.io.IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProjectHolder.class.getName(), projectDir.toString());
        pb.redirectErrorStream(true);
        Process child = pb.start();
        var lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.equals("open")) {
                return child;
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("the holder process ended without opening the project:\n" + seen);
    }

    /** Lets the holder close the project and exit. */
    public static void stop(Process child) throws Exception {
        child.getOutputStream().close();
        if (!child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException("the holder process did not exit");
        }
    }
}
