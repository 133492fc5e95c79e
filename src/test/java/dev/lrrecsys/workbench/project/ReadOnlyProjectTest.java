package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A project folder nobody may write to says so in one line (issue 15, point 8). Made read-only with the immutable
 * attribute, which binds root too (CI runs as root, for whom permission bits do not); skipped where chattr is missing.
 */
class ReadOnlyProjectTest {

    private static boolean chattr(String flag, Path path) throws Exception {
        try {
            Process p = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException noChattr) {
            return false;
        }
    }

    @Test
    void aReadOnlyProjectFolderIsNamedAsSuchAndItsDatabaseIsLeftAsItWas(@TempDir Path dir) throws Exception {
        Path projectDir = dir.resolve("p");
        Project.create(projectDir).close();
        byte[] before = Files.readAllBytes(projectDir.resolve(Project.DB_FILE_NAME));
        assumeTrue(chattr("+i", projectDir), "chattr +i is not available here");
        try {
            assertThatThrownBy(() -> Project.open(projectDir)).isInstanceOf(WorkbenchException.class)
                    .hasMessage("Cannot open the project in " + projectDir.toAbsolutePath().normalize() + ": the folder "
                            + "or workbench.mv.db is read-only, and a project needs to write to it (copy the folder "
                            + "somewhere writable, or change its permissions).");
        } finally {
            chattr("-i", projectDir);
        }
        assertThat(Files.readAllBytes(projectDir.resolve(Project.DB_FILE_NAME))).isEqualTo(before);
    }
}
