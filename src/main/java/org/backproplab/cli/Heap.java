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
}
