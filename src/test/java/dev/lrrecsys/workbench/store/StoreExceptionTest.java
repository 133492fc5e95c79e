package dev.lrrecsys.workbench.store;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** How database failures are named for the user. */
class StoreExceptionTest {

    @Test
    void aFailureWithoutCauseOrNextExceptionIsReportedNotTurnedIntoANullPointerException() {
        // The commit-time failure H2 gives on a full disk often carries neither: looking for the disk's reason among
        // its causes threw NullPointerException, which the user then saw instead of any message.
        StoreException e = StoreException.of(new SQLException("General error: \"This store is closed\"; SQL statement: COMMIT"), true);
        assertThat(e.getMessage()).isEqualTo("Database error: General error: \"This store is closed\"; SQL statement: COMMIT");
        assertThat(e.commitOutcomeUnknown()).isFalse();
    }

    @Test
    void aFullDiskFoundInTheNextExceptionOfACommitLeavesTheOutcomeUnknown() {
        SQLException commit = new SQLException("General error: \"This store is closed\"; SQL statement: COMMIT");
        commit.setNextException(new SQLException("IO Exception: No space left on device"));
        StoreException e = StoreException.of(commit, true);
        assertThat(e.commitOutcomeUnknown()).isTrue();
        assertThat(e.getMessage()).startsWith("The disk filled up while a change was being committed");
        assertThat(StoreException.of(commit, false).commitOutcomeUnknown()).isFalse();
    }
}
