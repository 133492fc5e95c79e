package dev.lrrecsys.workbench.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The empty state of a view whose data does not exist yet (no training run): says what is missing and offers
 * the action that produces it.
 */
public final class PendingView implements WorkbenchView {

    private final VBox root;

    public PendingView(String title, String message, String actionText, Runnable action) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.EMPTY_TITLE);
        Label m = new Label(message);
        m.setWrapText(true);
        m.setMaxWidth(560);
        root = new VBox(10, t, m);
        if (actionText != null) {
            Button b = new Button(actionText);
            b.setOnAction(e -> action.run());
            root.getChildren().add(b);
        }
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().addAll(Styles.VIEW, Styles.EMPTY_STATE);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void refresh() {
        // Nothing to reload: the view is replaced once its data exists.
    }
}
