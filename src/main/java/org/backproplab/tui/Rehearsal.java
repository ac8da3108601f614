package org.backproplab.tui;

import com.googlecode.lanterna.TerminalSize;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.backproplab.train.Config;
import org.backproplab.train.Request;
import org.backproplab.train.Snapshot;
import org.backproplab.train.Speed;
import org.backproplab.train.Trainer;
import org.backproplab.tui.term.OffScreenTerminal;

/**
 * The lab drawn off-screen: one throwaway frame while the terminal is being set up (the first real
 * frame then finds its classes loaded), and, for the launcher's class-data archive, a moment of a
 * private trainer at max speed with its frames drawn and turned into bytes that are thrown away
 * (the archive then holds every class a start of the lab loads). It no longer runs at each start:
 * measured under the launcher's settings, a 1.5 s rehearsal on both cores bought neither speed nor
 * flatter memory (see the commit that removed it).
 */
public final class Rehearsal {
    private static final TerminalSize SIZE = new TerminalSize(100, 30);

    private Rehearsal() {
    }

    /**
     * Draws one throwaway frame of {@code s} in the background: the first real frame then finds the
     * panel, formatting, screen and terminal classes loaded (start-up is mostly class loading, and
     * setting up the tty leaves the second core idle).
     */
    public static void firstFrameSoon(Snapshot s, LabOptions options) {
        Thread t = new Thread(() -> {
            try {
                draw(offScreen(), s, options, true); // whole, as the first real frame is
            } catch (IOException | RuntimeException e) {
                // only a head start: the real frame does the same work if this fails
            }
        }, "first-frame");
        t.setDaemon(true);
        t.start();
    }

    /** Runs for about {@code millis}; returns the frames drawn. Never throws: it is only a head start. */
    public static int run(Config config, String preset, LabOptions options, long millis) {
        Trainer trainer = new Trainer(config, preset);
        FrameScreen screen = null;
        int frames = 0;
        try {
            trainer.start();
            trainer.submit(new Request.ChangeSpeed(Speed.values().length)); // to the top of the ladder: max
            trainer.submit(new Request.ToggleRun());
            screen = offScreen();
            long end = System.nanoTime() + millis * 1_000_000L;
            while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                draw(screen, trainer.snapshot(), options, false);
                frames++;
            }
        } catch (IOException | RuntimeException e) {
            // the real lab does the same work when it comes to it
        } finally {
            trainer.close();
            try {
                if (screen != null) screen.stop();
            } catch (IOException e) {
                // thrown-away bytes
            }
        }
        return frames;
    }

    /** A started screen whose bytes go nowhere. */
    private static FrameScreen offScreen() throws IOException {
        FrameScreen screen = new FrameScreen(new OffScreenTerminal(SIZE, OutputStream.nullOutputStream(), StandardCharsets.UTF_8));
        screen.start();
        return screen;
    }

    /** One frame of {@code s}, drawn and turned into bytes as on a real terminal ({@code whole}, or what changed). */
    private static void draw(FrameScreen screen, Snapshot s, LabOptions options, boolean whole) throws IOException {
        Frame.draw(screen.graphics(), SIZE.getColumns(), SIZE.getRows(), s, UiState.initial(),
                new Theme(options.colour(), options.ascii()), options);
        screen.refresh(whole);
    }
}
