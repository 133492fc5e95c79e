package dev.lrrecsys.workbench.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The run picker's choice: kept by key across reloads (content reloaded), a fallback when the pick is gone. */
class RunChoiceTest {

    record Run(long id, String label) {
    }

    private final List<Run> loads = new ArrayList<>();

    @Test
    void keepsThePickAcrossReloadsAndReloadsItsContent() {
        RunChoice<Run>[] holder = new RunChoice[1];
        RunChoice<Run> choice = RunChoice.firstByDefault(Run::id, () -> loads.add(holder[0].chosen()));
        holder[0] = choice;

        choice.offer(List.of(new Run(1, "a"), new Run(2, "b")));
        assertThat(choice.chosen()).isEqualTo(new Run(1, "a"));
        choice.chosenProperty().set(choice.items().get(1));
        assertThat(loads).containsExactly(new Run(1, "a"), new Run(2, "b"));

        // The same runs again (a refresh): the pick stays and its content is loaded again.
        choice.offer(List.of(new Run(1, "a"), new Run(2, "b"), new Run(3, "c")));
        assertThat(choice.chosen()).isEqualTo(new Run(2, "b"));
        assertThat(loads).hasSize(3).last().isEqualTo(new Run(2, "b"));

        // Run 2 relabelled (e.g. finished): still the pick, now the new item.
        choice.offer(List.of(new Run(2, "b finished"), new Run(3, "c")));
        assertThat(choice.chosen()).isEqualTo(new Run(2, "b finished"));

        // Run 2 gone: the fallback; nothing left: no pick.
        choice.offer(List.of(new Run(3, "c")));
        assertThat(choice.chosen()).isEqualTo(new Run(3, "c"));
        choice.clear();
        assertThat(choice.chosen()).isNull();
        assertThat(choice.items()).isEmpty();
    }

    @Test
    void aFallbackOtherThanTheFirstIsUsedWhenThereIsNoPick() {
        RunChoice<Double> fractions = new RunChoice<>(f -> f, list -> list.get(list.size() - 1), () -> { });
        fractions.offer(List.of(0.2, 0.5, 0.8));
        assertThat(fractions.chosen()).isEqualTo(0.8);
        fractions.chosenProperty().set(0.5);
        fractions.offer(List.of(0.5, 0.8));
        assertThat(fractions.chosen()).isEqualTo(0.5);
    }
}
