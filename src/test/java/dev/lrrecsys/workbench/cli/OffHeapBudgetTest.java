package dev.lrrecsys.workbench.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OffHeapBudgetTest {

    @Test
    void theLimitsFollowTheHeapUnlessTheUserSetThem() {
        String bytes = System.getProperty(OffHeapBudget.MAX_BYTES);
        String physical = System.getProperty(OffHeapBudget.MAX_PHYSICAL_BYTES);
        try {
            System.clearProperty(OffHeapBudget.MAX_BYTES);
            System.clearProperty(OffHeapBudget.MAX_PHYSICAL_BYTES);
            OffHeapBudget.apply();
            long heap = Runtime.getRuntime().maxMemory();
            assertThat(Long.parseLong(System.getProperty(OffHeapBudget.MAX_BYTES))).isEqualTo(heap / 2);
            assertThat(Long.parseLong(System.getProperty(OffHeapBudget.MAX_PHYSICAL_BYTES))).isEqualTo(heap + heap / 2);

            System.setProperty(OffHeapBudget.MAX_BYTES, "123456789");
            System.clearProperty(OffHeapBudget.MAX_PHYSICAL_BYTES);
            OffHeapBudget.apply();
            assertThat(System.getProperty(OffHeapBudget.MAX_BYTES)).isEqualTo("123456789");
            assertThat(new OffHeapBudget.Limits(2L << 30, 1L << 30, 3L << 30).describe()).isEqualTo(
                    "heap (-Xmx) 2048 MB, off-heap (org.bytedeco.javacpp.maxbytes) 1024 MB, resident "
                            + "(org.bytedeco.javacpp.maxphysicalbytes) 3072 MB");
        } finally {
            restore(OffHeapBudget.MAX_BYTES, bytes);
            restore(OffHeapBudget.MAX_PHYSICAL_BYTES, physical);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
