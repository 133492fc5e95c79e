package dev.lrrecsys.workbench.ingest.synth;

import dev.lrrecsys.workbench.WorkbenchException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SynthSettingsTest {

    @Test
    void rejectsWorldsThatCannotExistWithTheExactMessage() {
        assertThatThrownBy(() -> new SynthSettings(0, 10, 10, 1)).isInstanceOf(WorkbenchException.class)
                .hasMessage("--consumers must be at least 1 (got 0).");
        assertThatThrownBy(() -> new SynthSettings(10, 1, 10, 1)).isInstanceOf(WorkbenchException.class)
                .hasMessage("--products must be at least 2 (got 1).");
        assertThatThrownBy(() -> new SynthSettings(10, 10, 9, 1)).isInstanceOf(WorkbenchException.class)
                .hasMessage("--interactions (9) must be at least --consumers (10): every consumer visits at least one restaurant.");
        assertThatThrownBy(() -> new SynthSettings(10, 10, 101, 1)).isInstanceOf(WorkbenchException.class)
                .hasMessage("--interactions (101) cannot exceed --consumers x --products (100): a consumer visits each restaurant at most once.");
    }

    @Test
    void acceptsTheExtremes() {
        assertThatCode(() -> new SynthSettings(10, 10, 10, 1)).doesNotThrowAnyException();
        assertThatCode(() -> new SynthSettings(10, 10, 100, 1)).doesNotThrowAnyException();
    }
}
