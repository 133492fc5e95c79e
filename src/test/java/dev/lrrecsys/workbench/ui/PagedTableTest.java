package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.store.Page;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.task.TrackedTask;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** A paged table says "Loading..." until its first page arrives, and its empty text only once a page is empty. */
@ExtendWith(ApplicationExtension.class)
class PagedTableTest {

    /** Holds view queries until the test lets them answer. */
    private static final class HeldBackground implements Background {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <R> TrackedTask<R> start(Job<R> job, Consumer<R> onSuccess, Consumer<Throwable> onFailure) {
            throw new UnsupportedOperationException("no user jobs here");
        }

        @Override
        public <R> void load(Job<R> job, Consumer<R> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(job.run(TaskContext.silent()));
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }
    }

    private final HeldBackground background = new HeldBackground();
    private PagedTable<String> table;
    private PagedQuery<String> query;

    @Start
    void start(Stage stage) {
        query = new PagedQuery<>(background, (after, limit) -> new NamedJob<>("page", c -> new Page<String>(List.of(), 0, 0, false)), e -> { });
        table = new PagedTable<>(query, "No consumers match.", new FileExport("Export consumers CSV", java.nio.file.Path.of("exports"), new DirectBackground(), (a, e) -> { }, java.time.LocalDate::now));
        query.reload();
    }

    @Test
    void saysLoadingUntilTheFirstPageArrives(FxRobot robot) {
        Label placeholder = (Label) table.table().getPlaceholder();
        assertThat(placeholder.getText()).isEqualTo("Loading...");
        robot.interact(() -> background.held.remove(0).run());
        assertThat(placeholder.getText()).isEqualTo("No consumers match.");
    }
}
