package org.backproplab.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.backproplab.train.Preset;
import org.backproplab.train.Request;
import org.backproplab.train.Snapshot;
import org.backproplab.train.Trainer;
import org.backproplab.tui.term.FrameOutputStream;
import org.backproplab.tui.term.OffScreenTerminal;

/**
 * What one frame costs at max speed (a tool, not a unit test): bytes allocated on the drawing
 * thread to draw the panels and to refresh the screen, CPU time, and bytes to the terminal, per
 * frame, over an ANSI terminal writing into a counting sink.
 *
 * With {@code lanterna} as the fourth argument the frame goes through Lanterna's own
 * {@code TerminalScreen} instead of {@link FrameScreen}, for comparison.
 *
 * <pre>java -cp target/test-classes:target/backprop-lab.jar org.backproplab.tui.FrameCost [FRAMES] [COLS] [ROWS] [lanterna]</pre>
 */
public final class FrameCost {
    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int cols = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        boolean lanterna = args.length > 3 && args[3].equals("lanterna");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        Sink sink = new Sink();
        FrameOutputStream out = new FrameOutputStream(sink);
        TerminalSize size = new TerminalSize(cols, rows);
        ANSITerminal terminal = new OffScreenTerminal(size, out, StandardCharsets.UTF_8);
        Trainer trainer = new Trainer(Preset.TEXTBOOK.defaults(), "textbook");
        trainer.start();
        trainer.submit(new Request.ChangeSpeed(100));
        trainer.submit(new Request.ToggleRun());
        TerminalScreen theirs = new TerminalScreen(terminal);
        FrameScreen ours = new FrameScreen(terminal);
        if (lanterna) {
            theirs.startScreen();
            theirs.setCursorPosition(null);
        } else {
            ours.start();
        }
        Theme theme = new Theme(true, false);
        LabOptions options = LabOptions.defaults();
        for (int round = 0; round < 2; round++) {
            long drawAlloc = 0, refreshAlloc = 0, drawCpu = 0, refreshCpu = 0;
            long bytes0 = sink.bytes;
            long trainerId = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("trainer"))
                    .findFirst().orElseThrow().getId();
            long trainerAlloc0 = mx.getThreadAllocatedBytes(trainerId);
            long t0 = System.nanoTime();
            for (int f = 0; f < frames; f++) {
                Thread.sleep(1000 / Lab.FPS);
                Snapshot s = trainer.snapshot();
                long a0 = mx.getThreadAllocatedBytes(me);
                long c0 = mx.getCurrentThreadCpuTime();
                Frame.draw(lanterna ? theirs.newTextGraphics() : ours.graphics(), cols, rows, s, UiState.initial(), theme, options);
                long a1 = mx.getThreadAllocatedBytes(me);
                long c1 = mx.getCurrentThreadCpuTime();
                boolean complete = f == 0 && round == 0;
                if (lanterna) {
                    theirs.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
                } else {
                    ours.refresh(complete);
                }
                long a2 = mx.getThreadAllocatedBytes(me);
                long c2 = mx.getCurrentThreadCpuTime();
                drawAlloc += a1 - a0;
                refreshAlloc += a2 - a1;
                drawCpu += c1 - c0;
                refreshCpu += c2 - c1;
            }
            System.out.printf(Locale.ROOT, "%s %d frames at %dx%d: allocated per frame: draw %,d B, refresh %,d B;"
                            + " CPU per frame: draw %.3f ms, refresh %.3f ms; to the terminal %,d B per frame%n",
                    (lanterna ? "Lanterna's screen, " : "FrameScreen, ") + (round == 0 ? "warm-up" : "measured"), frames, cols, rows, drawAlloc / frames, refreshAlloc / frames,
                    drawCpu / 1e6 / frames, refreshCpu / 1e6 / frames, (sink.bytes - bytes0) / frames);
            System.out.printf(Locale.ROOT, "  meanwhile the trainer's thread allocated %,.0f B/s%n",
                    (mx.getThreadAllocatedBytes(trainerId) - trainerAlloc0) / ((System.nanoTime() - t0) / 1e9));
        }
        trainer.close();
    }

    private static final class Sink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
