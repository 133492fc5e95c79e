package dev.lrrecsys.workbench.task;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TaskRunnerTest {

    @FunctionalInterface
    private interface Body {
        String run(TaskContext context) throws Exception;
    }

    private static Job<String> job(String title, Body body) {
        return new Job<>() {
            @Override public String title() { return title; }
            @Override public String run(TaskContext context) throws Exception { return body.run(context); }
        };
    }

    @Test
    void runsJobsInTheBackgroundAndKeepsThemForThePanel() throws Exception {
        List<TrackedTask<?>> submitted = new CopyOnWriteArrayList<>();
        try (TaskRunner runner = new TaskRunner(2)) {
            runner.onSubmit(submitted::add);
            Future<TrackedTask<String>> ok = runner.submitAndTrack(job("ok", c -> "result"));
            Future<TrackedTask<String>> bad = runner.submitAndTrack(job("bad", c -> {
                throw new IllegalArgumentException("bad input");
            }));
            assertThat(ok.get(10, TimeUnit.SECONDS).state()).isEqualTo(TaskState.SUCCEEDED);
            assertThat(ok.get().result()).isEqualTo("result");
            assertThat(bad.get(10, TimeUnit.SECONDS).state()).isEqualTo(TaskState.FAILED);
            assertThat(bad.get().snapshot().error()).isEqualTo("bad input");
            assertThat(runner.tasks()).extracting(t -> t.job().title()).containsExactly("ok", "bad");
            assertThat(submitted).hasSize(2);
        }
    }

    @Test
    void cancelAllStopsARunningJob() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        try (TaskRunner runner = new TaskRunner(1)) {
            TrackedTask<String> task = runner.submit(job("loop", c -> {
                started.countDown();
                while (true) {
                    c.checkCancelled();
                    Thread.onSpinWait();
                }
            }));
            task.addListener(s -> {
                if (s.state().isFinished()) {
                    finished.countDown();
                }
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(task.state()).isEqualTo(TaskState.RUNNING);
            runner.cancelAll();
            assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(task.state()).isEqualTo(TaskState.CANCELLED);
        }
    }

    @Test
    void cancelAllAndWaitStopsTheRunningJobAndNeverStartsAQueuedOne() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        try (TaskRunner runner = new TaskRunner(1)) {
            TrackedTask<String> running = runner.submit(job("loop", c -> {
                started.countDown();
                while (true) {
                    c.checkCancelled();
                    Thread.sleep(1);
                }
            }));
            TrackedTask<String> queued = runner.submit(job("queued", c -> {
                ran.add("queued");
                return "ran";
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(runner.unfinished()).containsExactly(running, queued);

            assertThat(runner.cancelAllAndWait(java.time.Duration.ofSeconds(10))).isTrue();

            assertThat(running.state()).isEqualTo(TaskState.CANCELLED);
            assertThat(queued.state()).isEqualTo(TaskState.CANCELLED);
            assertThat(ran).isEmpty();
            assertThat(runner.unfinished()).isEmpty();
        }
    }
}
