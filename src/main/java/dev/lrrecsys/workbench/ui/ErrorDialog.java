package dev.lrrecsys.workbench.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shows an {@link ErrorReport}: headline and advice up front, the stack trace in the expandable area. */
public final class ErrorDialog {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialog.class);

    private final String logFile;

    public ErrorDialog(String logFile) {
        this.logFile = logFile;
    }

    public void show(Window owner, String action, Throwable error) {
        ErrorReport report = ErrorReport.of(action, error, logFile);
        LOG.error("{}: {}", action, report.headline(), error);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("LR-Recsys Workbench: " + action);
        alert.setHeaderText(report.headline());
        alert.setContentText(report.whatToDo());
        TextArea details = new TextArea(report.details());
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setMinWidth(560);
        alert.show();
    }
}
