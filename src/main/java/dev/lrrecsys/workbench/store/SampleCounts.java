package dev.lrrecsys.workbench.store;

/** How many samples a project has, by split. */
public record SampleCounts(long total, long train, long test) {

    /** As `lrw info` prints it: {@code 1234 (train 1000, test 234)}. */
    public String describe() {
        return total + " (train " + train + ", test " + test + ")";
    }
}
