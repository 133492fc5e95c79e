package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.store.ExperimentSampleReader;
import dev.lrrecsys.workbench.store.StoredSample;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;

/**
 * Takes the documentation screenshots of the real window (docs/screenshots/take.sh runs it under Xvfb): opens a project, shows
 * every view in turn and saves a PNG of each. Not a test: a tool kept with the tests because it drives the window.
 * Usage: ScreenshotTour PROJECT_DIR OUT_DIR
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        System.setProperty("lrw.prefs.node", "dev/lrrecsys/workbench-screenshots");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<MainWindowView> window = new AtomicReference<>();
        AtomicReference<ThemeManager> theme = new AtomicReference<>();
        onFx(() -> {
            WorkbenchPreferences prefs = WorkbenchPreferences.forUser();
            prefs.setWindowLayout(new WorkbenchPreferences.WindowLayout(0, 0, Integer.getInteger("lrw.shot.width", 1280),
                    Integer.getInteger("lrw.shot.height", 820), 0.16, false));
            ThemeManager t = new ThemeManager(prefs);
            t.apply(ThemeManager.LIGHT);
            theme.set(t);
            MainWindowView w = new MainWindowView(new Stage(), prefs, t, new FxBackground(), LogFile.defaultPath(),
                    dev.lrrecsys.workbench.workflow.OpenSampleProject.Settings.forThisInstall());
            w.show();
            window.set(w);
        });
        pause(1500);
        shoot(window.get(), out.resolve("start.png"));
        onFx(() -> window.get().open(project));
        long deadline = System.currentTimeMillis() + 120_000;
        while (window.get().viewModel().project() == null && System.currentTimeMillis() < deadline) {
            pause(300);
        }
        settle(window.get());
        String[][] tour = {
                {"DATASET", "dataset.png"}, {"EXPLANATIONS", "explanations.png"}, {"KEYWORDS", "keywords.png"},
                {"COMPARISON", "comparison.png"}, {"RUNS", "runs.png"}, {"ATTENTION", "attention.png"},
                {"UNCERTAINTY", "uncertainty.png"}, {"CASE", "case-inspector.png"}};
        for (String[] step : tour) {
            ViewKind kind = ViewKind.valueOf(step[0]);
            onFx(() -> window.get().show(kind));
            if (kind == ViewKind.COMPARISON) {
                settle(window.get());
                compareWithSameConsumer(window.get());
            }
            if (kind == ViewKind.ATTENTION || kind == ViewKind.CASE) {
                // Attention views open on the newest run, often a baseline with uniform weights: show LR-Recsys.
                settle(window.get());
                onFx(() -> selectRunOf(window.get(), "lr-recsys"));
            }
            if (kind == ViewKind.KEYWORDS) {
                settle(window.get());
                onFx(() -> selectBusiestRestaurant(window.get()));
            }
            settle(window.get());
            shoot(window.get(), out.resolve(step[1]));
        }
        AtomicReference<dev.lrrecsys.workbench.ui.settings.GeneratorSettingsDialog> dialog = new AtomicReference<>();
        onFx(() -> dialog.set(window.get().openGeneratorDialog(window.get().viewModel().project(), true)));
        pause(4000);
        shootDialog(out.resolve("generator-settings.png"));
        // Cancel, so that closing the dialog starts no generation.
        onFx(() -> {
            dialog.get().dialog().setResult(null);
            dialog.get().dialog().close();
        });
        onFx(() -> theme.get().apply(ThemeManager.DARK));
        onFx(() -> window.get().show(ViewKind.KEYWORDS));
        settle(window.get());
        shoot(window.get(), out.resolve("keywords-dark.png"));
        onFx(() -> theme.get().apply(ThemeManager.LIGHT));
        onFx(() -> window.get().close());
        Preferences.userRoot().node("dev/lrrecsys/workbench-screenshots").removeNode();
        Platform.exit();
        System.exit(0);
    }

    /** Waits until no label in the window says "Loading..." (the machine may be busy), then lets charts draw. */
    private static void settle(MainWindowView w) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        java.util.concurrent.atomic.AtomicBoolean loading = new java.util.concurrent.atomic.AtomicBoolean(true);
        while (loading.get() && System.currentTimeMillis() < deadline) {
            pause(500);
            onFx(() -> loading.set(w.stage().getScene().getRoot().lookupAll(".label").stream()
                    .anyMatch(n -> n instanceof javafx.scene.control.Labeled l && shown(l) && l.getText() != null
                            && l.getText().startsWith("Loading"))));
        }
        pause(1500);
    }

    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Shows the highlighting: two test samples of one consumer (predictions exist for test samples only). */
    private static void compareWithSameConsumer(MainWindowView w) throws Exception {
        List<StoredSample> tests = w.viewModel().project().database().read(tx -> new ExperimentSampleReader().all(tx))
                .stream().filter(StoredSample::test).toList();
        // Samples come ordered by consumer: the first consumer with two test samples.
        for (int i = 1; i < tests.size(); i++) {
            StoredSample a = tests.get(i - 1);
            StoredSample b = tests.get(i);
            if (a.consumerId() == b.consumerId()) {
                onFx(() -> {
                    var first = (javafx.scene.control.TextField) w.stage().getScene().lookup("#firstField");
                    var second = (javafx.scene.control.TextField) w.stage().getScene().lookup("#secondField");
                    first.setText(Long.toString(a.id()));
                    second.setText(Long.toString(b.id()));
                    second.fireEvent(new javafx.event.ActionEvent());
                });
                return;
            }
        }
    }

    /** Picks, in the current view's run box, the first run whose label names the model. */
    @SuppressWarnings("unchecked")
    private static void selectRunOf(MainWindowView w, String model) {
        for (javafx.scene.Node n : w.stage().getScene().getRoot().lookupAll("#runBox")) {
            if (n instanceof javafx.scene.control.ComboBox<?> box && shown(box)) {
                var combo = (javafx.scene.control.ComboBox<Object>) box;
                combo.getItems().stream()
                        .filter(item -> combo.getConverter().toString(item).contains(model))
                        .findFirst().ifPresent(combo::setValue);
            }
        }
    }

    private static void selectBusiestRestaurant(MainWindowView w) {
        var table = (javafx.scene.control.TableView<?>) w.stage().getScene().lookup("#keywordProducts");
        if (table != null && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    /** Saves the window; with -Dlrw.shot.only=a.png,b.png only those files are written (the small-window set). */
    private static void shoot(MainWindowView w, Path file) throws Exception {
        String only = System.getProperty("lrw.shot.only");
        if (only == null || java.util.Arrays.asList(only.split(",")).contains(file.getFileName().toString())) {
            snapshot(w.stage().getScene(), file);
        }
    }

    private static void shootDialog(Path file) throws Exception {
        String only = System.getProperty("lrw.shot.only");
        if (only != null && !java.util.Arrays.asList(only.split(",")).contains(file.getFileName().toString())) {
            return;
        }
        AtomicReference<Scene> scene = new AtomicReference<>();
        onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("Generate")).findFirst().ifPresent(w -> scene.set(w.getScene())));
        if (scene.get() != null) {
            snapshot(scene.get(), file);
        }
    }

    private static void snapshot(Scene scene, Path file) throws Exception {
        AtomicReference<java.awt.image.BufferedImage> image = new AtomicReference<>();
        onFx(() -> image.set(SwingFXUtils.fromFXImage(scene.snapshot(null), null)));
        ImageIO.write(image.get(), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void onFx(Runnable r) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX thread did not answer");
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
