package dev.lrrecsys.workbench.cli;

import java.util.Locale;

/**
 * The off-heap memory budget of a run, derived from its heap: ND4J keeps its arrays outside the Java heap through
 * JavaCPP, whose limits default to the heap size (maxbytes) and twice that (maxphysicalbytes, the whole process's
 * resident memory). Here they are set, unless given with -D, to half the heap and to heap + half, so that a run at
 * -Xmx2g stays under 3 GB resident: when an allocation would cross them JavaCPP collects garbage (which frees the
 * arrays nobody holds) before it gives up with an OutOfMemoryError, instead of the kernel killing the process. Must run
 * before anything loads JavaCPP's {@code Pointer} class, which reads the properties once.
 */
final class OffHeapBudget {

    static final String MAX_BYTES = "org.bytedeco.javacpp.maxbytes";
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxphysicalbytes";

    /** The limits in force. */
    record Limits(long heapBytes, long maxBytes, long maxPhysicalBytes) {
        String describe() {
            return String.format(Locale.ROOT, "heap (-Xmx) %d MB, off-heap (%s) %d MB, resident (%s) %d MB",
                    heapBytes >> 20, MAX_BYTES, maxBytes >> 20, MAX_PHYSICAL_BYTES, maxPhysicalBytes >> 20);
        }
    }

    private OffHeapBudget() {
    }

    /** Sets the two properties from the heap where the user did not set them. */
    static void apply() {
        long heap = Runtime.getRuntime().maxMemory();
        long offHeap = heap / 2;
        if (System.getProperty(MAX_BYTES) == null) {
            System.setProperty(MAX_BYTES, Long.toString(offHeap));
        }
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, Long.toString(heap + offHeap));
        }
    }

    /** The limits JavaCPP applies in this process (its own parse of the properties). */
    static Limits current() {
        return new Limits(Runtime.getRuntime().maxMemory(), org.bytedeco.javacpp.Pointer.maxBytes(),
                org.bytedeco.javacpp.Pointer.maxPhysicalBytes());
    }
}
