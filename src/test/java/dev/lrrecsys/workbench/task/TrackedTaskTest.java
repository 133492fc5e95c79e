package dev.lrrecsys.workbench.task;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrackedTaskTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);

    private static <R> Job<R> job(String title, ThrowingBody<R> body) {
        return new Job<>() {
            @Override public String title() { return title; }
            @Override public R run(TaskContext context) throws Exception { return body.run(context); }
        };
    }

    @FunctionalInterface
    private interface ThrowingBody<R> {
        R run(TaskContext context) throws Exception;
    }

    @Test
    void snapshotsGiveRateAndEtaFromTheInjectedClock() {
        List<TaskSnapshot> seen = new CopyOnWriteArrayList<>();
        TrackedTask<String> task = new TrackedTask<>(job("Count", c -> {
            clock.addAndGet(5 * SECOND);
            c.progress(50, 200, "a quarter");
            clock.addAndGet(5 * SECOND);
            c.progress(100, 200, "half");
            return "done";
        }), clock::get);
        task.addListener(seen::add);
        task.runHere();

        assertThat(seen).hasSize(4);
        TaskSnapshot quarter = seen.get(1);
        assertThat(quarter.state()).isEqualTo(TaskState.RUNNING);
        assertThat(quarter.done()).isEqualTo(50);
        assertThat(quarter.fraction()).isEqualTo(0.25);
        assertThat(quarter.ratePerSecond()).isCloseTo(10.0, within(1e-9));
        assertThat(quarter.etaSeconds()).isCloseTo(15.0, within(1e-9));
        assertThat(quarter.message()).isEqualTo("a quarter");
        TaskSnapshot half = seen.get(2);
        assertThat(half.ratePerSecond()).isCloseTo(10.0, within(1e-9));
        assertThat(half.etaSeconds()).isCloseTo(10.0, within(1e-9));
        assertThat(seen.get(3).state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(task.result()).isEqualTo("done");
    }

    @Test
    void rateAndEtaAreUnknownUntilMeasurable() {
        TrackedTask<Void> task = new TrackedTask<>(job("Wait", c -> null), clock::get);
        TaskSnapshot before = task.snapshot();
        assertThat(before.state()).isEqualTo(TaskState.WAITING);
        assertThat(before.ratePerSecond()).isNaN();
        assertThat(before.etaSeconds()).isNaN();
        assertThat(before.fraction()).isEqualTo(-1);

        List<TaskSnapshot> seen = new CopyOnWriteArrayList<>();
        TrackedTask<Void> unknownTotal = new TrackedTask<>(job("Stream", c -> {
            clock.addAndGet(2 * SECOND);
            c.progress(30, 0, null);
            return null;
        }), clock::get);
        unknownTotal.addListener(seen::add);
        unknownTotal.runHere();
        assertThat(seen.get(1).ratePerSecond()).isCloseTo(15.0, within(1e-9));
        assertThat(seen.get(1).etaSeconds()).isNaN();
    }

    @Test
    void progressNotificationsAreThrottledButStartAndEndAlwaysArrive() {
        List<TaskSnapshot> seen = new CopyOnWriteArrayList<>();
        TrackedTask<Void> task = new TrackedTask<>(job("Fast", c -> {
            for (int i = 1; i <= 100; i++) {
                clock.addAndGet(1_000_000L); // 1 ms per step: 100 steps make 100 ms
                c.progress(i, 100, null);
            }
            return null;
        }), clock::get);
        task.addListener(seen::add);
        task.runHere();
        assertThat(seen).hasSize(3);
        assertThat(seen.get(1).done()).isEqualTo(100);
        assertThat(seen.get(2).state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void cancellingMakesTheJobUnwindAsCancelled() {
        TrackedTask<?>[] self = new TrackedTask<?>[1];
        TrackedTask<Integer> task = new TrackedTask<>(job("Loop", c -> {
            for (int i = 0; ; i++) {
                if (i == 3) {
                    self[0].cancel();
                }
                c.checkCancelled();
            }
        }), clock::get);
        self[0] = task;
        task.runHere();
        assertThat(task.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(task.snapshot().message()).isEqualTo("Cancelled");
        assertThat(task.snapshot().error()).isNull();
        assertThat(task.result()).isNull();
    }

    @Test
    void aJobThatEndsNormallyAfterACancelRequestCountsAsCancelled() {
        TrackedTask<?>[] self = new TrackedTask<?>[1];
        TrackedTask<String> task = new TrackedTask<>(job("Ignore", c -> {
            self[0].cancel();
            return "partial";
        }), clock::get);
        self[0] = task;
        task.runHere();
        assertThat(task.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(task.isCancelled()).isTrue();
    }

    @Test
    void anExceptionFailsTheTaskWithItsMessage() {
        TrackedTask<Void> task = new TrackedTask<>(job("Read", c -> {
            throw new IOException("disk on fire");
        }), clock::get);
        task.runHere();
        assertThat(task.state()).isEqualTo(TaskState.FAILED);
        assertThat(task.state().isFinished()).isTrue();
        assertThat(task.snapshot().error()).isEqualTo("disk on fire");
        assertThat(task.failure()).isInstanceOf(IOException.class);
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsType() {
        TrackedTask<Void> task = new TrackedTask<>(job("Bug", c -> {
            throw new IllegalStateException();
        }), clock::get);
        task.runHere();
        assertThat(task.state()).isEqualTo(TaskState.FAILED);
        assertThat(task.snapshot().error()).isEqualTo("IllegalStateException");
    }

    @Test
    void aSecondPhaseRestartsTheRateAndDropsTheEtaRatherThanGuess() {
        List<TaskSnapshot> seen = new CopyOnWriteArrayList<>();
        TrackedTask<Void> task = new TrackedTask<>(job("Train", c -> {
            clock.addAndGet(10 * SECOND);
            c.progress(1, 4, "autoencoder epoch 1/4");
            clock.addAndGet(10 * SECOND);
            c.progress(0, 300, "training runs");
            clock.addAndGet(3 * SECOND);
            c.progress(30, 300, "run 1");
            return null;
        }), clock::get);
        task.addListener(seen::add);
        task.runHere();

        TaskSnapshot autoencoder = seen.get(1);
        assertThat(autoencoder.ratePerSecond()).isCloseTo(0.1, within(1e-9));
        assertThat(autoencoder.etaSeconds()).isCloseTo(30.0, within(1e-9));
        TaskSnapshot training = seen.get(3);
        assertThat(training.ratePerSecond()).isCloseTo(10.0, within(1e-9));
        assertThat(training.etaSeconds()).isNaN();
    }

    @Test
    void cancellingTellsTheListenersAtOnceAndAQueuedTaskNeverStarts() {
        List<TaskSnapshot> seen = new CopyOnWriteArrayList<>();
        List<String> ran = new CopyOnWriteArrayList<>();
        TrackedTask<Void> task = new TrackedTask<>(job("Queued", c -> {
            ran.add("ran");
            return null;
        }), clock::get);
        task.addListener(seen::add);
        task.cancel();
        assertThat(seen).hasSize(1);
        assertThat(task.isCancelled()).isTrue();
        task.runHere();
        assertThat(ran).isEmpty();
        assertThat(task.state()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void declaredPhasesGiveAnEtaAndAFractionForTheWholeJob() {
        List<TaskSnapshot> seen = new CopyOnWriteArrayList<>();
        TrackedTask<Void> task = new TrackedTask<>(job("Experiment", c -> {
            // Autoencoder: 4 epochs expected to take a quarter of the job (weight 1 of 4).
            JobPhases phases = JobPhases.plan(c, 1, 3);
            TaskContext autoencoder = phases.enter(0);
            autoencoder.progress(0, 4, "vocabulary");
            clock.addAndGet(10 * SECOND);
            autoencoder.progress(1, 4, "autoencoder epoch 1/4");
            clock.addAndGet(30 * SECOND);
            autoencoder.progress(4, 4, "autoencoder epoch 4/4");
            TaskContext training = phases.enter(1);
            clock.addAndGet(SECOND); // setting up the runs: not counted in the phase's rate
            training.progress(0, 300, "training");
            clock.addAndGet(3 * SECOND);
            training.progress(30, 300, "run 1");
            return null;
        }), clock::get);
        task.addListener(seen::add);
        task.runHere();

        TaskSnapshot first = seen.stream().filter(s -> s.done() == 1).findFirst().orElseThrow();
        // 1 epoch in 10 s: 30 s left in this phase; the phase's 40 s are weight 1, so the training (weight 3) 120 s.
        assertThat(first.ratePerSecond()).isCloseTo(0.1, within(1e-9));
        assertThat(first.etaSeconds()).isCloseTo(30 + 120, within(1e-9));
        assertThat(first.jobFraction()).isCloseTo(0.25 * 0.25, within(1e-9));
        assertThat(first.overallFraction()).isEqualTo(first.jobFraction());
        assertThat(first.fraction()).isEqualTo(0.25);

        TaskSnapshot entered = seen.stream().filter(s -> "training".equals(s.message())).findFirst().orElseThrow();
        assertThat(entered.jobFraction()).isCloseTo(0.25, within(1e-9));
        // In the last phase the ETA is the phase's own: 270 epochs at 10 a second.
        TaskSnapshot run1 = seen.stream().filter(s -> "run 1".equals(s.message())).findFirst().orElseThrow();
        assertThat(run1.ratePerSecond()).isCloseTo(10.0, within(1e-9));
        assertThat(run1.etaSeconds()).isCloseTo(27.0, within(1e-9));
        assertThat(run1.jobFraction()).isCloseTo(0.25 + 0.75 * 0.1, within(1e-9));
    }

    @Test
    void aResumedPhaseMeasuresFromWhatItKeptAndAPhaseThatDoesNotRunWeighsNothing() {
        assertThat(TrackedTask.plannedEta(new double[] {0, 2, 1}, 1, 600, 1000, 500, 10)).isCloseTo(
                40 + 50.0 / 2 * 1, within(1e-9));
        assertThat(TrackedTask.jobFraction(new double[] {0, 2, 1}, 1, 600, 1000, 500)).isCloseTo(
                2 * 0.2 / 3, within(1e-9));
        // A phase with nothing left to do counts as done; unknown totals and unmeasured rates give no ETA.
        assertThat(TrackedTask.jobFraction(new double[] {1, 1}, 0, 5, 5, 5)).isEqualTo(0.5);
        assertThat(TrackedTask.plannedEta(new double[] {1, 1}, 0, 5, 0, 0, 3)).isNaN();
        assertThat(TrackedTask.plannedEta(new double[] {1, 1}, 0, 5, 10, 0, Double.NaN)).isNaN();
        // A zero-weight phase cannot say how long the later ones take.
        assertThat(TrackedTask.plannedEta(new double[] {0, 1}, 0, 5, 10, 0, 1)).isNaN();
        assertThat(TrackedTask.jobFraction(new double[] {0, 0}, 0, 5, 10, 0)).isEqualTo(-1);
    }

    @Test
    void aPlanInsideAPhaseIsIgnoredAndBadWeightsAreRefused() {
        List<TaskSnapshot> seen = new CopyOnWriteArrayList<>();
        TrackedTask<Void> task = new TrackedTask<>(job("Generate", c -> {
            JobPhases outer = JobPhases.plan(c, 3, 1);
            TaskContext generation = outer.enter(0);
            JobPhases.plan(generation, 1, 1, 1).enter(2);
            generation.progress(0, 300, "first page");
            clock.addAndGet(10 * SECOND);
            generation.progress(100, 300, "prompts");
            return null;
        }), clock::get);
        task.addListener(seen::add);
        task.runHere();
        TaskSnapshot prompts = seen.stream().filter(s -> "prompts".equals(s.message())).findFirst().orElseThrow();
        // The outer plan holds: 200 prompts at 10/s, then the keyword phase at a third of the generation's 30 s.
        assertThat(prompts.etaSeconds()).isCloseTo(20 + 10, within(1e-9));
        assertThat(prompts.jobFraction()).isCloseTo(0.75 / 3, within(1e-9));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JobPhases.plan(TaskContext.silent(), 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
