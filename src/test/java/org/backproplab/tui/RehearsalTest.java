package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.backproplab.train.Preset;
import org.backproplab.train.Trainer;
import org.backproplab.tui.term.OffScreenTerminal;
import org.junit.jupiter.api.Test;

class RehearsalTest {

    /** It draws many frames of a running trainer in the time given, and leaves no trainer running. */
    @Test
    void drawsFramesOfARunningTrainerThenStopsIt() {
        long before = trainerThreads();
        long start = System.nanoTime();
        int frames = Rehearsal.run(Preset.TEXTBOOK.defaults(), "textbook", LabOptions.defaults(), 300);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(frames).isGreaterThan(10);
        assertThat(seconds).isGreaterThanOrEqualTo(0.3); // it rehearses for the time given (how much longer is the machine's business)
        assertThat(trainerThreads()).isEqualTo(before);
    }

    private static long trainerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("trainer") && t.isAlive()).count();
    }

    /** The off-screen terminal turns a frame into the bytes a real terminal would get: the panels' text, encoded. */
    @Test
    void anOffScreenTerminalWritesTheFramesBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameScreen screen = new FrameScreen(new OffScreenTerminal(new TerminalSize(80, 24), out, StandardCharsets.UTF_8));
        screen.start();
        Trainer trainer = new Trainer(Preset.TEXTBOOK.defaults(), "textbook");
        try {
            Frame.draw(screen.graphics(), 80, 24, trainer.snapshot(), UiState.initial(), new Theme(true, false),
                    LabOptions.defaults());
            screen.refresh(true);
        } finally {
            trainer.close();
        }
        String bytes = out.toString(StandardCharsets.UTF_8);
        assertThat(bytes).startsWith("\u001b[?1049h"); // the alternate screen, as on a tty
        assertThat(bytes).contains("epoch").contains("Weights & biases").contains("x1→h1").contains("Truth table: XOR");
    }

    /** The mouse's reports are switched on with the screen and off before it leaves the alternate screen. */
    @Test
    void mouseReportingIsOnOnlyWhileTheScreenIs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameScreen screen = new FrameScreen(new OffScreenTerminal(new TerminalSize(80, 24), out, StandardCharsets.UTF_8));
        screen.start(true);
        String started = out.toString(StandardCharsets.UTF_8);
        assertThat(started).contains("\u001b[?1049h\u001b[?1000h\u001b[?1006h"); // alternate screen, then the mouse
        screen.stop();
        String all = out.toString(StandardCharsets.UTF_8);
        String after = all.substring(started.length());
        assertThat(after.indexOf("\u001b[?1006l\u001b[?1000l")).isNotNegative()
                .isLessThan(after.indexOf("\u001b[?1049l")); // off before the shell's screen comes back
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        FrameScreen noMouse = new FrameScreen(new OffScreenTerminal(new TerminalSize(80, 24), quiet, StandardCharsets.UTF_8));
        noMouse.start(false);
        noMouse.stop();
        assertThat(quiet.toString(StandardCharsets.UTF_8)).doesNotContain("?1000h");
    }
}
