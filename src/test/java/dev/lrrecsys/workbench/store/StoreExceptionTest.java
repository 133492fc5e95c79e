package dev.lrrecsys.workbench.store;

import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** How database failures are named for the user. */
class StoreExceptionTest {

    private static final String UNKNOWN_AT_COMMIT = "The disk filled up while a change was being committed: H2 may have "
            + "written it before it failed, so whether it was kept is known only once there is space again (then `lrw "
            + "project check` compares the database with its last close, and `lrw info` shows what it holds).";
    private static final String FULL = "The disk is full: the change in progress was not saved (it was rolled back); "
            + "what was committed before it is kept. Free some space and run it again.";
    private static final long ONE_MB = 1L << 20;
    private static final long TEN_GB = 10L << 30;

    /** What H2 raised at COMMIT on a real full tmpfs: the store closed itself earlier, the disk is not named. */
    private static SQLException storeClosedAtCommit() {
        return new SQLException("General error: \"org.h2.mvstore.MVStoreException: This store is closed [2.4.240/4]\"; "
                + "SQL statement:\nCOMMIT [50000-240]", "HY000", ErrorCode.GENERAL_ERROR_1);
    }

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

    @Test
    void aClosedStoreAtCommitIsAFullDiskWhenTheDatabasesDiskHasAlmostNoSpaceWhateverH2Says() {
        StoreException e = StoreException.of(storeClosedAtCommit(), true, ONE_MB);
        assertThat(e.getMessage()).isEqualTo(UNKNOWN_AT_COMMIT);
        assertThat(e.commitOutcomeUnknown()).isTrue();
    }

    @Test
    void theSameFailureWithSpaceLeftIsNotCalledADiskFull() {
        StoreException e = StoreException.of(storeClosedAtCommit(), true, TEN_GB);
        assertThat(e.getMessage()).isEqualTo("Database error: " + storeClosedAtCommit().getMessage());
        assertThat(e.commitOutcomeUnknown()).isFalse();
        assertThat(StoreException.of(storeClosedAtCommit(), true, StoreException.NEARLY_FULL_BYTES).commitOutcomeUnknown())
                .isFalse();
    }

    @Test
    void anInsertFailingWithAnIoExceptionOrAClosedDatabaseOnANearlyFullDiskIsAFullDisk() {
        SQLException io = new SQLException("IO Exception: \"/p/workbench.mv.db\"", "90028", ErrorCode.IO_EXCEPTION_1);
        SQLException closed = new SQLException("The database has been closed [90098-240]", "90098", ErrorCode.DATABASE_IS_CLOSED);
        SQLException chained = new SQLException("General error", "HY000", ErrorCode.GENERAL_ERROR_1,
                new org.h2.mvstore.MVStoreException(2, "Writing to FileChannel failed; length 24576 at 48824320"));
        for (SQLException e : new SQLException[] {io, closed, chained}) {
            assertThat(StoreException.of(e, false, 0L).getMessage()).as(e.getMessage()).isEqualTo(FULL);
            assertThat(StoreException.of(e, false, -1L).getMessage()).isEqualTo("Database error: " + e.getMessage());
        }
    }

    @Test
    void aFailureThatIsNotH2FailingToStoreIsNeverCalledADiskFullEvenOnAFullDisk() {
        SQLException duplicate = new SQLException("Unique index or primary key violation", "23505",
                ErrorCode.DUPLICATE_KEY_1);
        StoreException e = StoreException.of(duplicate, true, 0L);
        assertThat(e.getMessage()).isEqualTo("Database error: Unique index or primary key violation");
        assertThat(e.commitOutcomeUnknown()).isFalse();
    }
}
