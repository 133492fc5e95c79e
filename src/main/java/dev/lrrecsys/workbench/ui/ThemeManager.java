package dev.lrrecsys.workbench.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The one place that switches between AtlantaFX Primer light and dark (as the user-agent stylesheet) and
 * remembers the choice; charts listen to {@link #darkProperty()} to rebuild their colours.
 */
public final class ThemeManager {

    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    private final WorkbenchPreferences preferences;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();

    public ThemeManager(WorkbenchPreferences preferences) {
        this.preferences = preferences;
    }

    /** Applies the remembered theme. */
    public void applySaved() {
        apply(preferences.theme());
    }

    public void apply(String theme) {
        boolean isDark = DARK.equals(theme);
        Application.setUserAgentStylesheet(isDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        preferences.setTheme(isDark ? DARK : LIGHT);
        dark.set(isDark);
    }

    public void toggle() {
        apply(dark.get() ? LIGHT : DARK);
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    public boolean isDark() {
        return dark.get();
    }
}
