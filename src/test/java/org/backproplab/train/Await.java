package org.backproplab.train;

import java.time.Duration;
import java.util.function.Predicate;

/** The trainer tests' one wait: for a snapshot that satisfies a condition (up to 30 s unless said: a loaded machine). */
final class Await {
    private Await() {
    }

    static Snapshot snapshot(Trainer trainer, Predicate<Snapshot> p) throws InterruptedException {
        return snapshot(trainer, p, Duration.ofSeconds(30));
    }

    static Snapshot snapshot(Trainer trainer, Predicate<Snapshot> p, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            Snapshot s = trainer.snapshot();
            if (p.test(s)) return s;
            Thread.sleep(1);
        }
        throw new AssertionError("no such snapshot within " + within.toSeconds() + " s; last: epoch "
                + trainer.snapshot().epoch() + ", running " + trainer.snapshot().running());
    }
}
