package dev.lrrecsys.workbench.ui;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Help > About: the name, version, what the workbench is for, and where its log is. */
final class AboutDialog {

    private AboutDialog() {
    }

    static void show(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("About");
        alert.setHeaderText(MainWindowViewModel.APP_NAME + " 0.1.0");
        alert.setContentText("Contrastive LLM explanations for recommendations (LR-Recsys), a deep recommender on DL4J, "
                + "and the views that show what they reveal.\nLog file: " + LogFile.defaultPath());
        alert.show();
    }
}
