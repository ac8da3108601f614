package org.backproplab.tui;

import com.googlecode.lanterna.TerminalSize;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.backproplab.train.Command;
import org.backproplab.train.Config;
import org.backproplab.train.Speed;
import org.backproplab.train.Trainer;

/**
 * The lab at max speed, off-screen, for a moment: a private trainer runs and frames of it are
 * drawn and turned into bytes (thrown away) as fast as they come. Run while the first screen waits
 * for the learner, it lets the JIT compile the training loop and the drawing code before they are
 * needed. Otherwise that work, and the memory each compilation takes, comes in the first twenty
 * seconds or so of running: the lab is slower then and its resident memory climbs before it
 * levels off.
 */
public final class Rehearsal {
    private static final TerminalSize SIZE = new TerminalSize(100, 30);

    private Rehearsal() {
    }

    /** Runs for about {@code millis}; returns the frames drawn. Never throws: it is only a head start. */
    public static int run(Config config, String preset, LabOptions options, long millis) {
        Trainer trainer = new Trainer(config, preset);
        FrameScreen screen = null;
        int frames = 0;
        try {
            trainer.start();
            trainer.submit(new Command.ChangeSpeed(Speed.values().length)); // to the top of the ladder: max
            trainer.submit(new Command.ToggleRun());
            screen = new FrameScreen(new OffScreenTerminal(SIZE, OutputStream.nullOutputStream(),
                    StandardCharsets.UTF_8));
            screen.start();
            Theme theme = new Theme(options.colour(), options.ascii());
            long end = System.nanoTime() + millis * 1_000_000L;
            while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                Frame.draw(screen.graphics(), SIZE.getColumns(), SIZE.getRows(), trainer.snapshot(), UiState.initial(),
                        theme, options);
                screen.refresh(false);
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
}
