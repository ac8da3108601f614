package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.backproplab.train.Preset;
import org.backproplab.train.Trainer;
import org.backproplab.tui.term.ExactAnsiTerminal;
import org.junit.jupiter.api.Test;

/**
 * What a user of a lab can make it cost, and a role that changes while it runs: the cost view
 * measures one at a time, a window larger than a lab draws is drawn in its corner and said so, a
 * watcher that is made the driver can drive.
 */
class LabLimitsTest extends LabHarness {

    /** The cost view's measuring threads alive now. */
    private static int benchThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("cost-bench")).count();
    }

    /** With the cost view open, presses u (another number of hidden units: another P to measure) every 30 ms. */
    private static int mostBenchThreadsWhilePressingU(int times, DefaultVirtualTerminal... screens)
            throws InterruptedException {
        for (DefaultVirtualTerminal s : screens) {
            s.addInput(KeyStroke.fromString("c"));
        }
        int most = 0;
        for (int i = 0; i < times; i++) {
            for (DefaultVirtualTerminal s : screens) {
                s.addInput(KeyStroke.fromString("u"));
            }
            for (int look = 0; look < 3; look++) {
                Thread.sleep(10);
                most = Math.max(most, benchThreads());
            }
        }
        return most;
    }

    @Test
    void pressingUOverAndOverInTheCostViewMeasuresOneAtATime() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        int before = benchThreads();
        int most = mostBenchThreadsWhilePressingU(40, vt);
        assertThat(most - before).as("measuring threads at once").isLessThanOrEqualTo(1);
        try {
            await("the cost view gets the figures of the P it shows", () -> lab.uiState().cost() != null
                && !lab.uiState().cost().measuring() && lab.uiState().cost().architecture()
                .equals(trainer.snapshot().config().architecture()) && !screen().contains("measuring"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; cost " + lab.uiState().cost() + ", shown "
                    + trainer.snapshot().config().architecture() + "\n" + screen(), e);
        }
    }

    /**
     * A paused lab, the cost view open and u pressed while its first measurement runs: when that
     * measurement ends (of an architecture no longer shown) the view goes on to measure the one
     * shown. It once waited for a frame that a paused lab never draws, "measuring" for ever.
     */
    @Test
    void aMeasurementOvertakenByUIsFollowedByTheOneShown() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        vt.addInput(KeyStroke.fromString("c"));
        vt.addInput(KeyStroke.fromString("u"));
        await("the cost view has the figures of the architecture it shows", () -> lab.uiState().cost() != null
                && !lab.uiState().cost().measuring()
                && lab.uiState().cost().architecture().equals(trainer.snapshot().config().architecture())
                && trainer.snapshot().config().hidden() != Preset.TEXTBOOK.defaults().hidden());
        assertThat(trainer.snapshot().running()).isFalse();
    }

    @Test
    void labsSharingACostMeterMeasureOneAtATimeBetweenThem() throws Exception {
        start(LabOptions.defaults()); // the harness's lab measures on its own meter
        try (CostMeter shared = new CostMeter(1)) {
            DefaultVirtualTerminal[] screens = new DefaultVirtualTerminal[3];
            Thread[] threads = new Thread[3];
            Lab[] labs = new Lab[3];
            for (int i = 0; i < 3; i++) {
                screens[i] = new DefaultVirtualTerminal(new TerminalSize(80, 24));
                labs[i] = new Lab(screens[i], trainer, LabOptions.defaults(), shared);
                threads[i] = runOnItsOwnThread(labs[i]);
            }
            int before = benchThreads();
            AtomicInteger most = new AtomicInteger();
            for (DefaultVirtualTerminal s : screens) {
                s.addInput(KeyStroke.fromString("c"));
            }
            for (int i = 0; i < 30; i++) {
                for (DefaultVirtualTerminal s : screens) {
                    s.addInput(KeyStroke.fromString("u")); // the shared trainer: every lab sees a new P to measure
                }
                Thread.sleep(30);
                most.accumulateAndGet(shared.running(), Math::max);
                most.accumulateAndGet(benchThreads() - before, Math::max);
                assertThat(shared.waiting()).as("at most one waiting per lab").isLessThanOrEqualTo(3);
            }
            assertThat(most.get()).as("measurements running at once on the shared meter").isLessThanOrEqualTo(1);
            for (int i = 0; i < 3; i++) {
                labs[i].stop();
                threads[i].join(2000);
            }
        }
    }

    @Test
    void aWindowLargerThanTheLabDrawsIsDrawnInItsCornerAndSaidSo() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        vt.setTerminalSize(new TerminalSize(620, 230));
        await("said on the note row", () -> screen().contains(
                "this window is 620×230: the lab draws in its top left 500×200, the most it draws"));
        assertThat(screen().lines().skip(200).allMatch(String::isBlank)).as("nothing drawn below row 200").isTrue();
        key('n');
        await("it still answers", () -> screen().contains("epoch 1 "));
        vt.setTerminalSize(new TerminalSize(100, 30));
        await("the note goes with the cut", () -> screen().contains("epoch 1 ") && !screen().contains("this window is"));
    }

    @Test
    void aFrameIsNeverLargerThan500By200WhateverSizeTheTerminalClaims() throws Exception {
        for (int side : new int[] {46_341, 100_000, Integer.MAX_VALUE}) {
            ANSITerminal claims = new ExactAnsiTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                    StandardCharsets.UTF_8) {
                @Override
                protected TerminalSize findTerminalSize() {
                    return new TerminalSize(side, side);
                }
            };
            FrameScreen screen = new FrameScreen(claims);
            assertThat(screen.size()).isEqualTo(new TerminalSize(500, 200));
            assertThat(screen.window()).isEqualTo(new TerminalSize(side, side));
            assertThat(screen.cut()).isTrue();
        }
    }

    @Test
    void aWatcherMadeTheDriverSeesTheRunKeysAndDrives() throws Exception {
        start(new LabOptions(true, false, true, "Shared lab, ada drives"));
        await("first frame", () -> screen().contains("Shared lab, ada drives"));
        assertThat(screen().lines().reduce((a, b) -> b).orElseThrow()).doesNotContain("run/pause");
        key('n');
        await("says why", () -> screen().contains("watching a shared lab"));
        assertThat(trainer.snapshot().epoch()).isZero();
        lab.setRole(false, "Shared lab, you drive");
        await("the new title and the run keys", () -> screen().contains("Shared lab, you drive")
                && screen().contains("space run/pause"));
        key('n');
        await("and n steps", () -> trainer.snapshot().epoch() == 1 && screen().contains("epoch 1 "));
        lab.setRole(true, "Shared lab, bob drives");
        await("back to watching", () -> screen().contains("Shared lab, bob drives") && !screen().contains("run/pause"));
    }

    @Test
    void anEndlessPasteStillLetsTheLabDrawAndStop() throws Exception {
        DefaultVirtualTerminal pasting = new DefaultVirtualTerminal(new TerminalSize(80, 24)) {
            @Override
            public KeyStroke pollInput() {
                return KeyStroke.fromString("l"); // keys without end, faster than any lab handles them
            }
        };
        Trainer own = new Trainer(Preset.TEXTBOOK.defaults(), "textbook");
        own.start();
        try {
            Lab l = new Lab(pasting, own, LabOptions.defaults());
            Thread t = runOnItsOwnThread(l);
            await("frames are drawn while the keys keep coming", () -> VirtualScreenText.screen(pasting).contains("epoch 0"));
            l.stop();
            t.join(5000);
            assertThat(t.isAlive()).as("the lab stopped").isFalse();
        } finally {
            own.close();
        }
    }
}
