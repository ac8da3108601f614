package org.backproplab.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * The heap sized for this program rather than for the machine. The JVM gives a program a heap
 * in proportion to the machine's memory (hundreds of MB on a large one), and a lab that runs for
 * minutes would touch ever more of it with short-lived frames, so resident memory would climb to
 * that size before it levelled off. The flags used are "manageable": settable at run time.
 */
final class Heap {
    private static final int CHUNK = 64 * 1024;
    /** Where the touching allocations go, so that no compiler can leave them out. */
    private static volatile Object sink;

    private Heap() {
    }

    /** Lets a collection give memory back: tight bounds on the heap's free share. */
    static void keepTight() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            vm.setVMOption("MinHeapFreeRatio", "10");
            vm.setVMOption("MaxHeapFreeRatio", "30");
        } catch (RuntimeException e) {
            // only an economy: without it the heap keeps the JVM's default size
        }
    }

    /**
     * Shrinks the heap to what the program uses now (one full collection: a few ms with a small
     * live set), then, under G1 (the default collector of {@code java -jar}), fills three quarters
     * of one heap region (1 to 32 MB, by the machine's memory) with garbage. G1 takes its young
     * region from memory the collection just gave back, and a lab's few hundred KB a second would
     * otherwise touch that region's pages for ten seconds or more (resident memory creeping up by
     * megabytes); this touches them now. The filling is paced so that G1 does not take it for a
     * program that needs a larger heap. Under the launcher's Serial GC only the collection is done.
     */
    static void trim() {
        keepTight();
        System.gc();
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            boolean g1 = "true".equals(vm.getVMOption("UseG1GC").getValue());
            long region = g1 ? Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue()) : 0;
            for (long done = 0; done + CHUNK <= region / 4 * 3; done += CHUNK) {
                sink = new byte[CHUNK];
                if (done % (1 << 20) == 0) Thread.sleep(5);
            }
        } catch (RuntimeException e) {
            // only an economy
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sink = null;
        }
    }
}
