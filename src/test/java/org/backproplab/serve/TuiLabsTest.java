package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import org.backproplab.serve.LabFactory.RunningLab;
import org.backproplab.train.Preset;
import org.backproplab.tui.LabOptions;
import org.junit.jupiter.api.Test;

class TuiLabsTest {

    private static DefaultVirtualTerminal vt() {
        return new DefaultVirtualTerminal(new TerminalSize(100, 30));
    }

    private static Thread runInBackground(RunningLab lab) {
        Thread t = new Thread(() -> {
            try {
                lab.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }

    private static void awaitEpoch(RunningLab lab, long epoch) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (lab.progress().epoch() != epoch) {
            assertThat(System.nanoTime()).as("epoch %d, now %d", epoch, lab.progress().epoch()).isLessThan(end);
            Thread.sleep(10);
        }
    }

    @Test
    void inASharedLabOneLearnersStepIsEveryonesAndOwnLabsAreApart() throws Exception {
        LabFactory shared = LabFactory.forClass(Preset.TEXTBOOK.defaults(), "textbook", true);
        DefaultVirtualTerminal driverScreen = vt();
        RunningLab driver = shared.open(driverScreen, new LabOptions(true, false, false, null));
        RunningLab watcher = shared.open(vt(), new LabOptions(true, false, true, null));
        Thread d = runInBackground(driver);
        driverScreen.addInput(KeyStroke.fromString("n"));
        awaitEpoch(watcher, 1);
        driver.stop();
        d.join(5000);
        assertThat(d.isAlive()).isFalse();
        shared.close();

        LabFactory own = LabFactory.forClass(Preset.TEXTBOOK.defaults(), "textbook", false);
        DefaultVirtualTerminal mine = vt();
        RunningLab a = own.open(mine, LabOptions.defaults());
        RunningLab b = own.open(vt(), LabOptions.defaults());
        Thread ta = runInBackground(a);
        mine.addInput(KeyStroke.fromString("n"));
        awaitEpoch(a, 1);
        assertThat(b.progress().epoch()).isZero();
        assertThat(a.progress().state()).isEqualTo("paused");
        a.stop();
        ta.join(5000);
        assertThat(ta.isAlive()).isFalse();
    }
}
