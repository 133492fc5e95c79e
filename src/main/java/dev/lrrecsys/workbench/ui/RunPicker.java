package dev.lrrecsys.workbench.ui;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.util.function.Function;

/**
 * A labelled drop-down of stored runs, experiments or training fractions, bound to a {@link RunChoice}; the
 * Attention and Uncertainty views declare theirs in FXML ({@code <RunPicker text="Run" boxWidth="480"/>}).
 */
public final class RunPicker<T> extends HBox {

    private final Label label = new Label();
    private final ComboBox<T> box = new ComboBox<>();

    public RunPicker() {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        label.setMinWidth(Label.USE_PREF_SIZE);
        label.setLabelFor(box);
        box.setId("runBox");
        getChildren().addAll(label, box);
    }

    /** Shows the choice's items by label; picking one sets the choice, and the choice's pick shows here. */
    public void bind(RunChoice<T> choice, Function<T, String> text) {
        box.setItems(choice.items());
        box.setConverter(LabelConverter.of(text));
        box.valueProperty().bindBidirectional(choice.chosenProperty());
    }

    public String getText() {
        return label.getText();
    }

    public void setText(String text) {
        label.setText(text);
    }

    public double getBoxWidth() {
        return box.getPrefWidth();
    }

    public void setBoxWidth(double width) {
        box.setPrefWidth(width);
    }

    public String getHint() {
        return box.getTooltip() == null ? null : box.getTooltip().getText();
    }

    public void setHint(String hint) {
        box.setTooltip(new Tooltip(hint));
    }

    public ComboBox<T> box() {
        return box;
    }
}
