package dev.lrrecsys.workbench.ingest.synth;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityAllocationTest {

    @Test
    void givesExactlyTheTotalWithAtLeastOneAndAtMostAllRestaurantsEach() {
        int[] counts = ActivityAllocation.visitsPerConsumer(1_000, 50_000, 300, new WorldRandom(3));
        assertThat(Arrays.stream(counts).asLongStream().sum()).isEqualTo(50_000);
        assertThat(Arrays.stream(counts).min().orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(Arrays.stream(counts).max().orElseThrow()).isLessThanOrEqualTo(300);
        // Activity is skewed: the most active consumer makes several times the average number of visits.
        assertThat(Arrays.stream(counts).max().orElseThrow()).isGreaterThan(3 * 50);
    }

    @Test
    void fillsEveryoneToTheCapWhenTheTotalDemandsIt() {
        int[] counts = ActivityAllocation.visitsPerConsumer(7, 70, 10, new WorldRandom(3));
        assertThat(counts).containsOnly(10);
    }
}
