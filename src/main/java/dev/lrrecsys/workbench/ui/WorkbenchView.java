package dev.lrrecsys.workbench.ui;

import javafx.scene.Node;

/** A view shown in a tab: its root node, and a way to reload its data (F5, or after a job changed it). */
public interface WorkbenchView {

    Node node();

    void refresh();
}
