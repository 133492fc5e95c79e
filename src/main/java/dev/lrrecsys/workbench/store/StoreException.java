package dev.lrrecsys.workbench.store;

import dev.lrrecsys.workbench.WorkbenchException;

/** A database failure that is not the user's doing (a full disk, a corrupt file...). */
public final class StoreException extends WorkbenchException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
