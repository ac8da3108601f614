package org.backproplab.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.util.Optional;
import org.backproplab.train.Command;
import org.backproplab.train.Snapshot;
import org.backproplab.train.Trainer;

/**
 * One screen on one trainer: reads keys, turns them into commands, and draws the latest snapshot
 * at most {@value #FPS} times a second. It runs on any Lanterna {@link Terminal} (a local tty or
 * a network channel) and keeps no static state; signals, {@code System.exit} and restoring the
 * tty's modes belong to whoever made the terminal.
 */
public final class Lab {
    static final int FPS = 30;
    private static final long FRAME_NANOS = 1_000_000_000L / FPS;
    /** How often keys are looked for: keys answer well within a frame. */
    private static final long POLL_MILLIS = 5;

    private final Terminal terminal;
    private final Trainer trainer;
    private final LabOptions options;
    private final Theme theme;
    /** Held while a frame is drawn and while the screen is stopped: nothing writes half a frame. */
    private final Object renderLock = new Object();
    private volatile boolean stopRequested;
    private UiState ui = UiState.initial();
    private boolean fullRedraw = true;

    public Lab(Terminal terminal, Trainer trainer, LabOptions options) {
        this.terminal = terminal;
        this.trainer = trainer;
        this.options = options;
        this.theme = new Theme(options.colour(), options.ascii());
    }

    /**
     * Runs until the user quits (q, Ctrl-C, end of input) or {@link #stop()} is called, then
     * leaves the screen as it found it (main screen, cursor shown) before returning.
     */
    public void run() throws IOException {
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        try {
            screen.setCursorPosition(null);
            loop(screen);
        } finally {
            synchronized (renderLock) {
                stopRequested = true;
                try {
                    screen.stopScreen(true);
                } catch (IOException | RuntimeException e) {
                    // the terminal may be gone (a dropped connection): nothing left to restore
                }
            }
        }
    }

    /**
     * Draws one throwaway frame on a virtual terminal in the background: the first real frame then
     * finds the panel, formatting and screen classes loaded (start-up is mostly class loading, and
     * setting up the tty leaves the second core idle). Returns the started thread.
     */
    public static Thread warmUp(Snapshot s, LabOptions options) {
        Thread t = new Thread(() -> {
            try {
                TerminalScreen screen = new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(100, 30)));
                screen.startScreen();
                Frame.draw(screen.newTextGraphics(), 100, 30, s, UiState.initial(),
                        new Theme(options.colour(), options.ascii()), options);
                screen.refresh(Screen.RefreshType.COMPLETE);
            } catch (IOException | RuntimeException e) {
                // only a head start: the real frame does the same work if this fails
            }
        }, "warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Ends {@link #run()} promptly; safe from any thread (a signal handler, a server shutting down). */
    public void stop() {
        stopRequested = true;
    }

    private void loop(TerminalScreen screen) throws IOException {
        long lastVersion = -1;
        long lastFrame = 0;
        boolean dirty = true;
        while (!stopRequested) {
            KeyStroke key;
            while ((key = screen.pollInput()) != null) {
                if (handle(key)) {
                    return;
                }
                dirty = true;
            }
            if (screen.doResizeIfNecessary() != null) {
                fullRedraw = true;
            }
            Snapshot s = trainer.snapshot();
            long now = System.nanoTime();
            boolean changed = dirty || fullRedraw || s.version() != lastVersion;
            if (changed && now - lastFrame >= FRAME_NANOS) {
                draw(screen, s);
                lastVersion = s.version();
                lastFrame = now;
                dirty = false;
            }
            sleep(POLL_MILLIS);
        }
    }

    private void draw(TerminalScreen screen, Snapshot s) throws IOException {
        synchronized (renderLock) {
            if (stopRequested) return;
            TerminalSize size = screen.getTerminalSize();
            ui = ui.select(0, s.parameterCount()); // the table may have shrunk (a restart with fewer units)
            Frame.draw(screen.newTextGraphics(), size.getColumns(), size.getRows(), s, ui, theme, options);
            screen.refresh(fullRedraw ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
            fullRedraw = false;
        }
    }

    /** Applies one key; returns true when it quits. */
    boolean handle(KeyStroke key) {
        Optional<Keymap.Action> action = Keymap.action(key);
        if (action.isEmpty()) return false;
        Keymap.Action a = action.get();
        if (a.drivesTrainer() && options.readOnly()) {
            ui = ui.withNote("watching a shared lab: only the screen keys (arrows, l, ?, q) work here");
            return false;
        }
        ui = ui.withNote("");
        switch (a) {
            case TOGGLE_RUN -> trainer.submit(new Command.ToggleRun());
            case STEP -> trainer.submit(new Command.Step());
            case SWITCH_METHOD -> trainer.submit(new Command.SwitchMethod());
            case SWITCH_DIFFERENCE -> trainer.submit(new Command.SwitchDifference());
            case FASTER -> trainer.submit(new Command.ChangeSpeed(1));
            case SLOWER -> trainer.submit(new Command.ChangeSpeed(-1));
            case LR_UP -> trainer.submit(new Command.ChangeLearningRate(1));
            case LR_DOWN -> trainer.submit(new Command.ChangeLearningRate(-1));
            case NEW_SEED -> trainer.submit(new Command.Restart(true));
            case SAME_SEED -> trainer.submit(new Command.Restart(false));
            case SELECT_UP -> ui = ui.select(-1, trainer.snapshot().parameterCount());
            case SELECT_DOWN -> ui = ui.select(1, trainer.snapshot().parameterCount());
            case LOG_SCALE -> ui = ui.toggleLogScale();
            case HELP -> ui = ui.withOverlay(ui.overlay() == UiState.Overlay.HELP ? UiState.Overlay.NONE : UiState.Overlay.HELP);
            case CLOSE -> ui = ui.withOverlay(UiState.Overlay.NONE);
            case REDRAW -> fullRedraw = true;
            case QUIT -> {
                return true;
            }
        }
        return false;
    }

    /** This screen's own state (selection, overlay, scale), for tests. */
    UiState uiState() {
        return ui;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            stopRequested = true;
            Thread.currentThread().interrupt();
        }
    }
}
