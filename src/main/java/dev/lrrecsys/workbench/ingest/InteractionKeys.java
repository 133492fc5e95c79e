package dev.lrrecsys.workbench.ingest;

import java.util.Arrays;

/**
 * The (consumer, product, time) key, rating and input line of every interaction imported so far, in
 * parallel primitive arrays with an open-addressing index over them (40 to 48 bytes per interaction
 * instead of some 150 for a HashMap of boxed keys), so that duplicates are found as the rows stream in.
 * Interaction i (0-based) is the one stored with id i + 1.
 */
final class InteractionKeys {

    private static final long NO_TIME = Long.MIN_VALUE;

    private int[] consumers = new int[1024];
    private int[] products = new int[1024];
    private long[] times = new long[1024];
    private double[] ratings = new double[1024];
    private long[] lines = new long[1024];
    private int size;
    // slot -> interaction index + 1 (0 = empty); kept at most half full.
    private int[] table = new int[2048];

    /**
     * Adds the interaction unless one with the same key was added before.
     *
     * @return the index of that earlier interaction, or -1 when this one was added (as index {@link #size()} - 1)
     */
    int addOrFind(int consumer, int product, Long time, double rating, long line) {
        long t = time == null ? NO_TIME : time;
        int mask = table.length - 1;
        int slot = hash(consumer, product, t) & mask;
        while (table[slot] != 0) {
            int i = table[slot] - 1;
            if (consumers[i] == consumer && products[i] == product && times[i] == t) {
                return i;
            }
            slot = (slot + 1) & mask;
        }
        if (size == consumers.length) {
            int capacity = size * 2;
            consumers = Arrays.copyOf(consumers, capacity);
            products = Arrays.copyOf(products, capacity);
            times = Arrays.copyOf(times, capacity);
            ratings = Arrays.copyOf(ratings, capacity);
            lines = Arrays.copyOf(lines, capacity);
        }
        consumers[size] = consumer;
        products[size] = product;
        times[size] = t;
        ratings[size] = rating;
        lines[size] = line;
        size++;
        table[slot] = size;
        if (size * 2 > table.length) {
            rehash();
        }
        return -1;
    }

    int size() {
        return size;
    }

    double rating(int index) {
        return ratings[index];
    }

    void setRating(int index, double rating) {
        ratings[index] = rating;
    }

    long line(int index) {
        return lines[index];
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = hash(consumers[i], products[i], times[i]) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
    }

    private static int hash(int consumer, int product, long time) {
        long h = consumer * 0x9E3779B97F4A7C15L + product * 0xC2B2AE3D27D4EB4FL + time * 0x165667B19E3779F9L;
        // MurmurHash3's finaliser: consecutive ids must not land in consecutive slots.
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (int) h;
    }
}
