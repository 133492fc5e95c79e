package dev.lrrecsys.workbench.ui.factors;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.KeyFactorRepository;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.ReadJob;
import dev.lrrecsys.workbench.workflow.FindKeyFactors;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * "Find key factors...": a choice among the project's attributes (read off the JavaFX thread) and "whole dataset
 * only", mapped onto the workflow's settings. The Key factors view and the Run menu open the same dialog.
 */
public final class SegmentChoiceDialog {

    /** The first choice: key factors of the whole dataset and no segments. */
    public static final String WHOLE_DATASET_ONLY = "whole dataset only";

    private SegmentChoiceDialog() {
    }

    /**
     * Reads the attributes, then shows the dialog (not modal-blocking) with {@code current} chosen when it is one of
     * them; OK hands the settings to {@code chosen}.
     */
    public static void ask(Window owner, Background background, Project project, String current,
                           Consumer<FindKeyFactors.Settings> chosen, Consumer<Throwable> failed) {
        background.load(new ReadJob<>("Segment attributes", project.database(),
                        tx -> new KeyFactorRepository().segmentAttributes(tx)),
                attributes -> show(owner, attributes, current, chosen), failed);
    }

    private static void show(Window owner, List<String> attributes, String current,
                             Consumer<FindKeyFactors.Settings> chosen) {
        List<String> choices = new ArrayList<>();
        choices.add(WHOLE_DATASET_ONLY);
        choices.addAll(attributes);
        String first = current != null && attributes.contains(current) ? current : WHOLE_DATASET_ONLY;
        ChoiceDialog<String> dialog = new ChoiceDialog<>(first, choices);
        dialog.setTitle("Find key factors");
        dialog.setHeaderText("Find key factors for the whole dataset and, optionally, per value of an attribute");
        dialog.setContentText("Segment attribute:");
        dialog.getDialogPane().setId("segmentChoice");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setOnHidden(e -> {
            String answer = dialog.getResult();
            if (answer != null) {
                chosen.accept(new FindKeyFactors.Settings(WHOLE_DATASET_ONLY.equals(answer) ? null : answer,
                        FindKeyFactors.Settings.DEFAULT_SEED));
            }
        });
        dialog.show();
    }
}
