package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;

/**
 * A workflow setting the user gave is not acceptable. The message names the setting as the user sees it in
 * either front end ("epochs must be at least 1"); {@link #setting()} lets the CLI add its flag name.
 */
public final class InvalidSettingException extends WorkbenchException {

    private final String setting;

    public InvalidSettingException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The setting's name in words, e.g. "epochs" or "max tokens". */
    public String setting() {
        return setting;
    }

    static void require(boolean ok, String setting, String message) {
        if (!ok) {
            throw new InvalidSettingException(setting, message);
        }
    }
}
