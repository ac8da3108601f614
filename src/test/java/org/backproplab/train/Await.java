package org.backproplab.train;

import java.util.function.Predicate;

/** The trainer tests' one wait: for a snapshot that satisfies a condition, up to 5 s. */
final class Await {
    private Await() {
    }

    static Snapshot snapshot(Trainer trainer, Predicate<Snapshot> p) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end) {
            Snapshot s = trainer.snapshot();
            if (p.test(s)) return s;
            Thread.sleep(1);
        }
        throw new AssertionError("no such snapshot within 5 s; last: epoch " + trainer.snapshot().epoch()
                + ", running " + trainer.snapshot().running());
    }
}
