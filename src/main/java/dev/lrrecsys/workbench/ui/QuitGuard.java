package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.task.TaskRunner;
import dev.lrrecsys.workbench.task.TrackedTask;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Asks before quitting while tasks run (Ctrl+Q, closing the window): quitting cancels them, so the user chooses,
 * and the choice and outcome go to the log. The running jobs get a few seconds to stop at their next
 * cancellation check, so what they committed is kept.
 */
final class QuitGuard {

    static final ButtonType CANCEL_AND_QUIT = new ButtonType("Cancel tasks and quit", ButtonBar.ButtonData.OK_DONE);
    static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(QuitGuard.class);

    private final TaskRunner jobs;

    QuitGuard(TaskRunner jobs) {
        this.jobs = jobs;
    }

    /** True when the window may close: nothing runs, or the user chose to cancel what runs (then it is stopped). */
    boolean mayQuit(Window owner) {
        List<TrackedTask<?>> running = jobs.unfinished();
        if (running.isEmpty()) {
            return true;
        }
        String titles = running.stream().map(t -> t.job().title()).collect(Collectors.joining("\n"));
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", CANCEL_AND_QUIT, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Quit");
        alert.setHeaderText(question(running.size()));
        alert.setContentText(titles + "\n\nWhat they have committed so far is kept; a later run resumes from there.");
        if (alert.showAndWait().orElse(ButtonType.CANCEL) != CANCEL_AND_QUIT) {
            LOG.info("Quit called off: {} task(s) still running", running.size());
            return false;
        }
        LOG.info("Quit: cancelling {} running task(s): {}", running.size(), titles.replace('\n', ';'));
        try {
            if (jobs.cancelAllAndWait(STOP_WAIT)) {
                LOG.info("Quit: all tasks stopped");
            } else {
                LOG.warn("Quit: {} task(s) still running after {} s; quitting anyway", jobs.unfinished().size(),
                        STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    static String question(int running) {
        return running == 1 ? "1 task running: cancel it and quit?" : running + " tasks running: cancel them and quit?";
    }
}
