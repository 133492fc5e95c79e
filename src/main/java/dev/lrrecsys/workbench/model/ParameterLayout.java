package dev.lrrecsys.workbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each named weight array of a network lives in one flat float array, so that the CPU kernel reads
 * weights by offset, sums per-thread gradients with one loop and runs Adam over all of them at once.
 */
final class ParameterLayout {

    private record Slot(int offset, long[] shape, int length) {
    }

    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final int size;

    /** The layout of {@code arrays} in their iteration order. */
    ParameterLayout(Map<String, INDArray> arrays) {
        int at = 0;
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            int length = Math.toIntExact(e.getValue().length());
            slots.put(e.getKey(), new Slot(at, e.getValue().shape(), length));
            at += length;
        }
        this.size = at;
    }

    int size() {
        return size;
    }

    boolean has(String name) {
        return slots.containsKey(name);
    }

    /** Offset of {@code name}'s first value; an unknown name is a programming error. */
    int offset(String name) {
        Slot s = slots.get(name);
        if (s == null) {
            throw new IllegalArgumentException("No parameter " + name + " in " + slots.keySet());
        }
        return s.offset;
    }

    /** Number of values of {@code name}. */
    int length(String name) {
        return slots.get(name).length;
    }

    /** Copies the arrays' values (row-major) into one new flat array. */
    float[] flatten(Map<String, INDArray> arrays) {
        float[] flat = new float[size];
        slots.forEach((name, slot) -> {
            float[] v = arrays.get(name).dup('c').data().asFloat();
            System.arraycopy(v, 0, flat, slot.offset, slot.length);
        });
        return flat;
    }

    /** Writes the flat values back into the arrays, keeping their shapes. */
    void unflatten(float[] flat, Map<String, INDArray> arrays) {
        slots.forEach((name, slot) -> {
            float[] v = new float[slot.length];
            System.arraycopy(flat, slot.offset, v, 0, slot.length);
            arrays.get(name).assign(Nd4j.createFromArray(v).reshape(slot.shape));
        });
    }
}
