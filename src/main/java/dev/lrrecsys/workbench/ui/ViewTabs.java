package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.ui.attention.AttentionView;
import dev.lrrecsys.workbench.ui.comparison.ComparisonView;
import dev.lrrecsys.workbench.ui.dataset.DatasetView;
import dev.lrrecsys.workbench.ui.explanations.ExplanationsView;
import dev.lrrecsys.workbench.ui.caseworkbench.CaseWorkbenchView;
import dev.lrrecsys.workbench.ui.factors.KeyFactorsView;
import dev.lrrecsys.workbench.ui.keywords.KeywordsView;
import dev.lrrecsys.workbench.ui.runs.RunsView;
import dev.lrrecsys.workbench.ui.uncertainty.UncertaintyView;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The views as tabs and the navigator that lists them: a view is made when first shown, and every view but the
 * start screen goes when the project changes.
 */
final class ViewTabs {

    private final TabPane tabPane;
    private final TreeView<Object> navigator;
    private final Map<ViewKind, Tab> tabs = new EnumMap<>(ViewKind.class);
    private final Map<ViewKind, WorkbenchView> views = new EnumMap<>(ViewKind.class);
    private Function<ViewKind, WorkbenchView> factory = kind -> null;

    ViewTabs(TabPane tabPane, TreeView<Object> navigator) {
        this.tabPane = tabPane;
        this.navigator = navigator;
        navigator.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.getValue() instanceof ViewKind kind) {
                show(kind);
            }
        });
        // The navigator follows the tabs, however a tab was chosen (a click on it, the View menu, a link in a view).
        tabPane.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> selectInNavigator(now));
    }

    private void selectInNavigator(Tab tab) {
        ViewKind kind = tabs.entrySet().stream().filter(e -> e.getValue() == tab).map(Map.Entry::getKey).findFirst().orElse(null);
        TreeItem<Object> entry = navigator.getRoot() == null ? null : navigator.getRoot().getChildren().stream()
                .flatMap(g -> g.getChildren().stream()).filter(i -> i.getValue() == kind).findFirst().orElse(null);
        if (entry == null) {
            navigator.getSelectionModel().clearSelection();
        } else if (navigator.getSelectionModel().getSelectedItem() != entry) {
            navigator.getSelectionModel().select(entry);
        }
    }

    /** The views in the navigator's order, the start screen first: also the View menu's order and Ctrl+0..9. */
    static List<ViewKind> navigatorOrder() {
        Map<String, List<ViewKind>> groups = new LinkedHashMap<>();
        for (ViewKind kind : ViewKind.values()) {
            if (kind.group() != null) {
                groups.computeIfAbsent(kind.group(), g -> new ArrayList<>()).add(kind);
            }
        }
        List<ViewKind> order = new ArrayList<>(List.of(ViewKind.START));
        groups.values().forEach(order::addAll);
        return order;
    }

    /** The View menu's entries: one per view, in the navigator's order, with Shortcut+its position as accelerator. */
    List<MenuItem> menuItems(ObservableBooleanValue noProject) {
        List<MenuItem> items = new ArrayList<>();
        List<ViewKind> order = navigatorOrder();
        for (int i = 0; i < order.size(); i++) {
            ViewKind kind = order.get(i);
            MenuItem item = new MenuItem(kind.title());
            item.setId("view-" + kind.name().toLowerCase(Locale.ROOT));
            item.setAccelerator(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + i), KeyCombination.SHORTCUT_DOWN));
            item.setOnAction(e -> show(kind));
            if (kind != ViewKind.START) {
                item.disableProperty().bind(noProject);
            }
            items.add(item);
        }
        return items;
    }

    /** Makes the views of the current project (the factory returns null while none is open). */
    void setProject(Project project, Function<ViewKind, WorkbenchView> views) {
        this.factory = views;
        tabs.keySet().stream().filter(k -> k != ViewKind.START).map(tabs::get).toList().forEach(tabPane.getTabs()::remove);
        tabs.keySet().removeIf(k -> k != ViewKind.START);
        this.views.keySet().removeIf(k -> k != ViewKind.START);
        navigator.setRoot(project == null ? new TreeItem<>("Project") : groups());
        show(project == null ? ViewKind.START : ViewKind.DATASET);
    }

    private static TreeItem<Object> groups() {
        TreeItem<Object> root = new TreeItem<>("Project");
        Map<String, TreeItem<Object>> groups = new LinkedHashMap<>();
        for (ViewKind kind : navigatorOrder()) {
            if (kind.group() != null) {
                groups.computeIfAbsent(kind.group(), g -> {
                    TreeItem<Object> item = new TreeItem<>(g);
                    item.setExpanded(true);
                    root.getChildren().add(item);
                    return item;
                }).getChildren().add(new TreeItem<>(kind));
            }
        }
        return root;
    }

    void show(ViewKind kind) {
        Tab tab = tabs.get(kind);
        if (tab == null) {
            WorkbenchView view = factory.apply(kind);
            if (view == null) {
                return;
            }
            tab = new Tab(kind.title(), view.node());
            tab.setId("tab-" + kind.name().toLowerCase(Locale.ROOT));
            tab.setClosable(kind != ViewKind.START);
            tab.setOnClosed(e -> {
                tabs.remove(kind);
                views.remove(kind);
            });
            tabs.put(kind, tab);
            views.put(kind, view);
            tabPane.getTabs().add(tab);
        }
        tabPane.getSelectionModel().select(tab);
    }

    void refreshAll() {
        views.values().forEach(WorkbenchView::refresh);
    }

    void refreshSelected() {
        Tab selected = tabPane.getSelectionModel().getSelectedItem();
        views.entrySet().stream().filter(e -> tabs.get(e.getKey()) == selected).forEach(e -> e.getValue().refresh());
    }

    Map<ViewKind, WorkbenchView> open() {
        return views;
    }

    /** Makes a project's view of the given kind (never the start screen). */
    static WorkbenchView create(ViewKind kind, ProjectContext context) {
        return switch (kind) {
            case DATASET -> new DatasetView(context);
            case EXPLANATIONS -> new ExplanationsView(context);
            case KEYWORDS -> new KeywordsView(context);
            case KEY_FACTORS -> new KeyFactorsView(context);
            case RUNS -> new RunsView(context);
            case ATTENTION -> new AttentionView(context);
            case UNCERTAINTY -> new UncertaintyView(context);
            case CASE -> new CaseWorkbenchView(context);
            case COMPARISON -> new ComparisonView(context);
            case START -> throw new IllegalStateException("the start screen is made by the window");
        };
    }
}
