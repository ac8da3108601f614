package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.backproplab.train.Preset;
import org.backproplab.train.Trainer;
import org.junit.jupiter.api.AfterEach;

/**
 * A whole lab on an 80×24 virtual terminal with a real trainer (textbook preset), run on its own
 * thread as a terminal would run it: the lab tests type keys and read the screen through this.
 * Anything the lab's thread throws fails the test.
 */
abstract class LabHarness {
    final DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
    Trainer trainer;
    Lab lab;
    Thread thread;
    /** Whatever a thread of the test threw (the lab's, or a test's own helper threads). */
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    void start(LabOptions options) {
        start(options, 1_000_000_000L / Lab.FPS);
    }

    void start(LabOptions options, long frameNanos) {
        start(options, frameNanos, Preset.TEXTBOOK.defaults());
    }

    void start(LabOptions options, long frameNanos, org.backproplab.train.Config config) {
        trainer = new Trainer(config, "textbook");
        trainer.start();
        lab = new Lab(vt, trainer, options, frameNanos);
        thread = runOnItsOwnThread(lab);
    }

    /** Runs a lab as a terminal would, on its own thread; whatever it throws fails the test. */
    Thread runOnItsOwnThread(Lab l) {
        Thread t = new Thread(() -> {
            try {
                l.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        return t;
    }

    @AfterEach
    void stopTheLab() throws Exception {
        if (lab != null) lab.stop();
        if (thread != null) thread.join(2000);
        if (trainer != null) trainer.close();
        assertThat(failure.get()).isNull();
        if (thread != null) assertThat(thread.isAlive()).as("the lab stopped").isFalse();
    }

    String screen() {
        return VirtualScreenText.screen(vt);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        VirtualScreenText.await(what, condition);
    }

    void key(char c) {
        VirtualScreenText.key(vt, c);
    }
}
