package dev.lrrecsys.workbench.cli;

import java.util.Locale;
import java.util.Map;

/**
 * Whether this machine can show a window, decided from the OS name and the environment only: on Linux and other
 * X11/Wayland systems a desktop session sets DISPLAY or WAYLAND_DISPLAY; macOS and Windows always have a screen.
 */
record Display(String osName, Map<String, String> environment) {

    static Display current() {
        return new Display(System.getProperty("os.name", ""), System.getenv());
    }

    boolean available() {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        return isSet("DISPLAY") || isSet("WAYLAND_DISPLAY");
    }

    private boolean isSet(String variable) {
        String value = environment.get(variable);
        return value != null && !value.isBlank();
    }
}
