package dev.lrrecsys.workbench.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between sessions (java.util.prefs, per user): recent projects, theme, window layout,
 * generator settings and the Train dialog's choices. Secrets are never stored here nor in a project database.
 */
public final class WorkbenchPreferences {

    private static final int MAX_RECENT = 8;
    private static final String RECENT = "recent.";

    private final Preferences node;

    public WorkbenchPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's node, or the one named by the system property {@code lrw.prefs.node} (tests use a scratch node). */
    public static WorkbenchPreferences forUser() {
        String path = System.getProperty("lrw.prefs.node", "dev/lrrecsys/workbench");
        return new WorkbenchPreferences(Preferences.userRoot().node(path));
    }

    public List<Path> recentProjects() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = node.get(RECENT + i, null);
            if (p != null) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    /** Puts the project first in the recent list (and makes it the last opened one). */
    public void addRecent(Path project) {
        List<Path> recent = recentProjects();
        Path abs = project.toAbsolutePath().normalize();
        recent.remove(abs);
        recent.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < recent.size()) {
                node.put(RECENT + i, recent.get(i).toString());
            } else {
                node.remove(RECENT + i);
            }
        }
        flush();
    }

    public void removeRecent(Path project) {
        List<Path> recent = recentProjects();
        recent.remove(project);
        for (int i = 0; i < MAX_RECENT; i++) {
            node.remove(RECENT + i);
        }
        for (int i = 0; i < recent.size(); i++) {
            node.put(RECENT + i, recent.get(i).toString());
        }
        flush();
    }

    public String theme() {
        return node.get("theme", "light");
    }

    public void setTheme(String theme) {
        node.put("theme", theme);
        flush();
    }

    /** Window bounds, the navigator's divider position (NaN where nothing was stored yet) and whether the task list is open. */
    public record WindowLayout(double x, double y, double width, double height, double navigatorDivider, boolean taskListShown) {
    }

    public WindowLayout windowLayout() {
        return new WindowLayout(node.getDouble("window.x", Double.NaN), node.getDouble("window.y", Double.NaN),
                node.getDouble("window.width", 1280), node.getDouble("window.height", 820),
                node.getDouble("window.navigator", 0.18), node.getBoolean("window.taskList", false));
    }

    public void setWindowLayout(WindowLayout l) {
        node.putDouble("window.x", l.x());
        node.putDouble("window.y", l.y());
        node.putDouble("window.width", l.width());
        node.putDouble("window.height", l.height());
        node.putDouble("window.navigator", l.navigatorDivider());
        node.putBoolean("window.taskList", l.taskListShown());
        flush();
    }

    public GeneratorSettings generatorSettings() {
        GeneratorSettings d = GeneratorSettings.defaults();
        return new GeneratorSettings(node.get("generator.kind", d.kind()), node.get("generator.url", d.url()),
                node.get("generator.model", d.model()), node.getInt("generator.concurrency", d.concurrency()));
    }

    public void setGeneratorSettings(GeneratorSettings s) {
        node.put("generator.kind", s.kind());
        node.put("generator.url", s.url());
        node.put("generator.model", s.model());
        node.putInt("generator.concurrency", s.concurrency());
        flush();
    }

    /** The Train dialog's last choices (task, models, epochs, repeats, training fractions), as it showed them. */
    public record TrainingChoices(String task, List<String> models, int epochs, int repeats, String fractions) {
    }

    /** The last choices made in the Train dialog, or null before the first training from the window. */
    public TrainingChoices trainingChoices() {
        String task = node.get("training.task", null);
        if (task == null) {
            return null;
        }
        String models = node.get("training.models", "");
        return new TrainingChoices(task, models.isEmpty() ? List.of() : List.of(models.split(",")),
                node.getInt("training.epochs", 1), node.getInt("training.repeats", 1), node.get("training.fractions", "1.0"));
    }

    public void setTrainingChoices(TrainingChoices c) {
        node.put("training.task", c.task());
        node.put("training.models", String.join(",", c.models()));
        node.putInt("training.epochs", c.epochs());
        node.putInt("training.repeats", c.repeats());
        node.put("training.fractions", c.fractions());
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Preferences are a convenience: losing them must not stop the user's work.
            org.slf4j.LoggerFactory.getLogger(WorkbenchPreferences.class).warn("Cannot save preferences: {}", e.getMessage());
        }
    }
}
