package dev.lrrecsys.workbench.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real small disk for disk-full tests: a tmpfs of a given size mounted on a folder. Mounting needs root and the
 * `mount` command (CI runs as root); where either is missing {@link #mount} says false and the test is skipped.
 */
final class SmallTmpfs {

    private SmallTmpfs() {
    }

    static boolean mount(Path folder, int megabytes) throws Exception {
        return run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", folder.toString());
    }

    static void unmount(Path folder) throws Exception {
        run("umount", folder.toString());
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException missing) {
            return false;
        }
    }
}
