package org.backproplab.serve;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.util.Locale;
import org.backproplab.train.Config;
import org.backproplab.train.Training;

/**
 * A minimal stand-in for the full lab while the terminal UI is built: the epoch and loss of a
 * training run, n to step one epoch, space to run or pause, q to quit. In shared mode every
 * learner watches one run and only the first one drives it.
 */
final class PlaceholderLabs implements LabFactory {
    private static final long FRAME_MS = 50;
    private static final int EPOCHS_PER_FRAME = 200;

    private final Config config;
    private final Run shared;

    PlaceholderLabs(Config config, boolean shared) {
        this.config = config;
        this.shared = shared ? new Run(new Training(config)) : null;
    }

    @Override
    public RunningLab open(Terminal terminal, LabLook look) {
        return new Lab(terminal, shared != null ? shared : new Run(new Training(config)), look);
    }

    /** One training run, guarded by its own lock because several labs may watch it. */
    private static final class Run {
        final Training training;
        boolean running;

        Run(Training training) {
            this.training = training;
        }

        synchronized void tick() {
            if (running) {
                training.run(EPOCHS_PER_FRAME);
            }
        }

        synchronized Progress progress() {
            if (training.diverged()) {
                return new Progress(training.epoch(), Double.NaN, "diverged");
            }
            double loss = training.network().loss(training.parameters());
            boolean learned = Training.learned(training.forward(), training.config().dataset());
            return new Progress(training.epoch(), loss, learned ? "learned" : running ? "learning" : "paused");
        }
    }

    private static final class Lab implements RunningLab {
        private final Terminal terminal;
        private final Run run;
        private final LabLook look;
        private volatile boolean stopped;

        Lab(Terminal terminal, Run run, LabLook look) {
            this.terminal = terminal;
            this.run = run;
            this.look = look;
        }

        @Override
        public void run() throws Exception {
            Screen screen = new TerminalScreen(terminal);
            screen.startScreen();
            try {
                screen.setCursorPosition(null);
                Screen.RefreshType refresh = Screen.RefreshType.COMPLETE;
                while (!stopped) {
                    KeyStroke key;
                    while ((key = screen.pollInput()) != null) {
                        if (quits(key)) {
                            return;
                        }
                        if (key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'l') {
                            refresh = Screen.RefreshType.COMPLETE;
                        } else if (!look.readOnly()) {
                            drive(key);
                        }
                    }
                    if (!look.readOnly()) {
                        run.tick();
                    }
                    if (screen.doResizeIfNecessary() != null) {
                        refresh = Screen.RefreshType.COMPLETE;
                    }
                    draw(screen);
                    screen.refresh(refresh);
                    refresh = Screen.RefreshType.DELTA;
                    Thread.sleep(FRAME_MS);
                }
            } finally {
                screen.stopScreen();
            }
        }

        private static boolean quits(KeyStroke key) {
            if (key.getKeyType() == KeyType.EOF) {
                return true;
            }
            if (key.getKeyType() != KeyType.Character) {
                return false;
            }
            char c = key.getCharacter();
            return c == 'q' || c == 'Q' || key.isCtrlDown() && (c == 'c' || c == 'd');
        }

        private void drive(KeyStroke key) {
            if (key.getKeyType() != KeyType.Character || key.isCtrlDown()) {
                return;
            }
            synchronized (run) {
                switch (key.getCharacter()) {
                    case 'n' -> {
                        run.running = false;
                        run.training.step();
                    }
                    case ' ' -> run.running = !run.running;
                    default -> { }
                }
            }
        }

        private void draw(Screen screen) {
            TerminalSize size = screen.getTerminalSize();
            TextGraphics g = screen.newTextGraphics();
            g.fill(' '); // draw over, never clear: a clear makes every frame a full redraw
            Progress p = run.progress();
            g.putString(1, 0, fit(look.title() + " (basic view: the full lab is not built yet)", size));
            g.putString(1, 2, fit(String.format(Locale.ROOT, "epoch %d   loss %.6f   %s",
                    p.epoch(), p.loss(), p.state()), size));
            g.putString(1, 4, fit(look.readOnly()
                    ? "watching a shared lab: the first learner drives it · q quit"
                    : "n step one epoch · space run/pause · q quit", size));
        }

        private static String fit(String s, TerminalSize size) {
            int room = Math.max(0, size.getColumns() - 2);
            return s.length() <= room ? s : s.substring(0, room);
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public Progress progress() {
            return run.progress();
        }
    }
}
