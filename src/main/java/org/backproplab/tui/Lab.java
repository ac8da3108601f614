package org.backproplab.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.backproplab.format.Numbers;
import org.backproplab.io.FileErrors;
import org.backproplab.io.LossHistoryCsv;
import org.backproplab.io.ParametersFile;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.train.Config;
import org.backproplab.train.Request;
import org.backproplab.train.Snapshot;
import org.backproplab.train.Trainer;

/**
 * One screen on one trainer: reads keys, turns them into requests, and draws the latest snapshot.
 * A key is answered at once: its frame is drawn as soon as the key is read, and so is the
 * trainer's answer to it; the frame rate cap ({@value #FPS} a second) paces only the animation of
 * a running trainer. It runs on any Lanterna {@link Terminal} (a local tty or a network channel)
 * and keeps no static state; signals, {@code System.exit} and restoring the tty's modes belong to
 * whoever made the terminal.
 */
public final class Lab {
    static final int FPS = 30;
    private static final long FRAME_NANOS = 1_000_000_000L / FPS;
    /**
     * How often keys are looked for between frames. Lanterna's terminals say nothing when input
     * arrives, so the loop looks: a key waits at most this long before its frame is drawn.
     */
    private static final long POLL_NANOS = 5_000_000L;
    /**
     * Keys taken per look: a few thousand a second (about 3,000 measured with a paste over SSH),
     * far more than anyone types or a held key repeats. A paste of megabytes waits in the terminal's
     * input (over SSH the channel's window holds the client back) instead of making the lab restart
     * its trainer as fast as it can, and a frame is drawn between the looks.
     */
    static final int KEYS_PER_LOOK = 4;
    /** After a key, new snapshots are drawn at once for this long: they carry the trainer's answer. */
    private static final long ANSWER_NANOS = 50_000_000L;

    private final Terminal terminal;
    private final Trainer trainer;
    /** Changed only by {@link #setRole} (a shared lab whose driver left); read by the screen's thread. */
    private volatile LabOptions options;
    private volatile boolean roleChanged;
    private final Theme theme;
    private final CostMeter costMeter;
    /** Whether the meter is this lab's alone, to be closed when the lab ends. */
    private final boolean ownMeter;
    /** The shortest time between two frames of animation. */
    private final long frameNanos;
    /** {@code u} cycles 1..this: {@link #MAX_UNITS}, or the hidden units the lab started with when more. */
    private final int maxUnits;
    /** Held while a frame is drawn and while the screen is stopped: nothing writes half a frame. */
    private final Object renderLock = new Object();
    private volatile boolean stopRequested;
    private volatile Thread loopThread;
    private UiState ui = UiState.initial();
    private boolean fullRedraw = true;
    /** What this screen has asked the trainer for: the parameter explained (-1: none), the surface's grid. */
    private int explaining = -1;
    private int studying = -1;
    /** The trainer's message last drawn. */
    private String lastMessage = "";
    private int[] surfaceGrid = {0, 0};
    /** The size of the last frame drawn: where a click lands is read against it. */
    private TerminalSize drawn = new TerminalSize(0, 0);
    /** The cost view's figures, set by the measuring thread when it is done. */
    private volatile CostFigures measured;
    /** Whether this screen's measurement is running or waiting its turn: one at a time per lab. */
    private volatile boolean measuring;
    /** The architecture whose measurement failed: not tried again on every frame. */
    private volatile Architecture measureFailed;

    /** A lab with a cost meter of its own (a local lab). */
    public Lab(Terminal terminal, Trainer trainer, LabOptions options) {
        this(terminal, trainer, options, null, FRAME_NANOS);
    }

    /** A lab whose cost view measures through {@code costMeter}, which other labs may share (a class server). */
    public Lab(Terminal terminal, Trainer trainer, LabOptions options, CostMeter costMeter) {
        this(terminal, trainer, options, java.util.Objects.requireNonNull(costMeter), FRAME_NANOS);
    }

    /** With another animation frame interval (tests: a long one shows that keys do not wait for it). */
    Lab(Terminal terminal, Trainer trainer, LabOptions options, long frameNanos) {
        this(terminal, trainer, options, null, frameNanos);
    }

    /** {@code costMeter} null: one of its own. */
    private Lab(Terminal terminal, Trainer trainer, LabOptions options, CostMeter costMeter, long frameNanos) {
        this.terminal = terminal;
        this.trainer = trainer;
        this.options = options;
        this.theme = new Theme(options.colour(), options.ascii());
        this.ownMeter = costMeter == null;
        this.costMeter = ownMeter ? new CostMeter(1) : costMeter;
        this.frameNanos = frameNanos;
        this.maxUnits = Math.max(MAX_UNITS, trainer.snapshot().config().hidden());
    }

    /**
     * Makes this screen a watcher ({@code readOnly}) or the driver of its trainer, under a new
     * title, and redraws it; safe from any thread (a shared lab whose driver left hands over).
     */
    public void setRole(boolean readOnly, String title) {
        options = options.withRole(readOnly, title);
        roleChanged = true;
        wake();
    }

    /**
     * Runs until the user quits (q, Ctrl-C, end of input) or {@link #stop()} is called, then
     * leaves the screen as it found it (main screen, cursor shown) before returning.
     */
    public void run() throws IOException {
        FrameScreen screen = new FrameScreen(terminal);
        loopThread = Thread.currentThread();
        screen.start(options.mouse());
        try {
            loop(screen);
        } finally {
            trainer.submit(new Request.Forget(this));
            if (ownMeter) costMeter.close();
            synchronized (renderLock) {
                stopRequested = true;
                try {
                    screen.stop();
                } catch (IOException | RuntimeException e) {
                    // the terminal may be gone (a dropped connection): nothing left to restore
                }
            }
        }
    }

    /** Ends {@link #run()} promptly; safe from any thread (a signal handler, a server shutting down). */
    public void stop() {
        stopRequested = true;
        wake();
    }

    /** Ends the loop's wait at once: it looks for keys and a new snapshot now. Safe from any thread. */
    public void wake() {
        Thread t = loopThread;
        if (t != null) LockSupport.unpark(t);
    }

    private void loop(FrameScreen screen) throws IOException {
        long lastVersion = -1;
        long lastFrame = System.nanoTime() - frameNanos;
        long answerUntil = lastFrame;
        while (!stopRequested) {
            boolean keyed = false;
            KeyStroke key;
            for (int taken = 0; taken < KEYS_PER_LOOK && (key = terminal.pollInput()) != null; taken++) {
                if (handle(key)) {
                    return;
                }
                keyed = true;
            }
            long now = System.nanoTime();
            if (roleChanged) {
                roleChanged = false;
                keyed = true; // a new title and footer: drawn at once, like a key
            }
            if (keyed) {
                answerUntil = now + ANSWER_NANOS;
            }
            if (screen.resizeIfNeeded() != null) {
                fullRedraw = true;
            }
            Snapshot s = trainer.snapshot();
            CostFigures done = measured;
            if (done != null && ui.cost() != null && ui.cost().measuring()
                    && done.architecture().equals(ui.cost().architecture())) {
                ui = ui.withCost(done);
                keyed = true; // this screen's own state changed: drawn at once, like a key
            } else if (ui.view() == UiState.View.COST && ui.cost() != null && ui.cost().measuring() && !measuring
                    && !ui.cost().architecture().equals(measureFailed)) {
                // the measurement that ended was of an architecture no longer shown (u pressed while it
                // ran): the frame asks for the one shown now, though nothing else may draw one (paused)
                keyed = true;
            }
            boolean newSnapshot = s.version() != lastVersion;
            boolean slotFree = now - lastFrame >= frameNanos;
            if (keyed || fullRedraw || newSnapshot && (slotFree || now - answerUntil < 0)) {
                draw(screen, s);
                lastVersion = s.version();
                lastFrame = now;
            }
            long wait = POLL_NANOS;
            if (newSnapshot && !slotFree && lastVersion != s.version()) {
                wait = Math.min(wait, lastFrame + frameNanos - now); // animation waits for its slot
            }
            LockSupport.parkNanos(this, Math.max(wait, 100_000L));
            if (Thread.interrupted()) {
                stopRequested = true;
                Thread.currentThread().interrupt();
            }
        }
    }

    private void draw(FrameScreen screen, Snapshot s) throws IOException {
        synchronized (renderLock) {
            if (stopRequested) return;
            TerminalSize size = screen.size();
            drawn = size;
            ui = ui.select(0, s.parameterCount()); // the table may have shrunk (a restart with fewer units)
            if (!s.message().equals(lastMessage)) {
                lastMessage = s.message();
                if (!lastMessage.isEmpty()) ui = ui.withNote(""); // news from the trainer replaces this screen's note
            }
            ask(s, size.getColumns(), size.getRows());
            UiState shown = screen.cut() && ui.note().isEmpty() ? ui.withNote(cutNote(screen.window(), size)) : ui;
            Frame.draw(screen.graphics(), size.getColumns(), size.getRows(), s, shown, theme, options);
            screen.refresh(fullRedraw);
            fullRedraw = false;
        }
    }

    /**
     * Asks the trainer for what the open overlay or view needs (an explanation of the selected
     * parameter, a surface the size of the grid), and starts measuring the cost when the cost view
     * shows an architecture it has no figures for. Runs before each frame, on the screen's thread.
     */
    private void ask(Snapshot s, int width, int height) {
        int explain = ui.overlay() == UiState.Overlay.EXPLAIN ? ui.selected() : -1;
        if (explain != explaining) {
            trainer.submit(new Request.Explain(this, explain));
            explaining = explain;
        }
        int study = ui.view() == UiState.View.EPSILON ? ui.selected() : -1;
        if (study != studying) {
            trainer.submit(new Request.StudyEpsilon(this, study));
            studying = study;
        }
        int[] grid = ui.view() == UiState.View.SURFACE && Layout.fits(width, height)
                ? SurfaceView.gridSize(Layout.of(width, height, s.parameterCount()).view()) : new int[] {0, 0};
        if (!Arrays.equals(grid, surfaceGrid)) {
            trainer.submit(new Request.ShowSurface(this, grid[0], grid[1]));
            surfaceGrid = grid;
        }
        Architecture arch = s.config().architecture();
        if (ui.view() != UiState.View.COST) return;
        if (ui.cost() == null || !ui.cost().architecture().equals(arch)) {
            ui = ui.withCost(new CostFigures(arch, null));
        }
        if (ui.cost().measuring() && !measuring && !arch.equals(measureFailed)) {
            measure(s.config());
        }
    }

    /**
     * A short bench of the three methods in the background (about half a second), never on the
     * screen's thread, and one at a time: a key pressed while it runs (u, c again) waits for it,
     * and the next frame asks again for what the view shows then.
     */
    private void measure(Config config) {
        measuring = true;
        costMeter.measure(config, () -> !stopRequested, figures -> {
            if (figures == null) {
                measureFailed = config.architecture();
            } else {
                measured = figures;
            }
            measuring = false;
            wake(); // the figures show at once
        });
    }

    /** What the note row says when the window is larger than the lab draws. */
    private String cutNote(TerminalSize window, TerminalSize drawn) {
        String x = theme.times();
        return "this window is " + window.getColumns() + x + window.getRows() + ": the lab draws in its top left "
                + drawn.getColumns() + x + drawn.getRows() + ", the most it draws";
    }

    /** Applies one key; returns true when it quits. */
    boolean handle(KeyStroke key) {
        if (key instanceof MouseAction m) return mouse(m);
        if (ui.overlay() == UiState.Overlay.HUNT_QUESTION && key.getKeyType() == KeyType.Character
                && key.getCharacter() != null && HuntOverlay.answer(key.getCharacter()) != null) {
            endHunt(HuntOverlay.answer(key.getCharacter()));
            return false;
        }
        Optional<Keymap.Action> action = Keymap.action(key);
        if (action.isEmpty()) return false;
        return act(action.get(), key);
    }

    /** Does what action {@code a} does ({@code key}: the key that asked, for the ones that read it); true to quit. */
    private boolean act(Keymap.Action a, KeyStroke key) {
        if (!a.enabledIn(options)) {
            ui = ui.withNote(options.readOnly()
                    ? "watching a shared lab: only the screen keys (arrows, Enter, s, c, l, ?, q) work here"
                    : "this lab writes no files (over SSH they would land on the server)");
            return false;
        }
        ui = ui.withNote("");
        if (ui.view() == UiState.View.TRACE && traceKey(a)) return false;
        switch (a) {
            case TOGGLE_RUN -> trainer.submit(new Request.ToggleRun());
            case STEP -> trainer.submit(new Request.Step());
            case TRACE -> {
                trainer.submit(new Request.Pause());
                trainer.submit(new Request.Trace(this, true));
                ui = ui.withView(UiState.View.TRACE).withOverlay(UiState.Overlay.NONE).withTraceStep(0, 1);
            }
            case BACK -> ui = ui.withNote("← goes one step back in a trace: t traces the next epoch");
            case SWITCH_METHOD -> trainer.submit(new Request.SwitchMethod());
            case SWITCH_DIFFERENCE -> trainer.submit(new Request.SwitchDifference());
            case FASTER -> trainer.submit(new Request.ChangeSpeed(1));
            case SLOWER -> trainer.submit(new Request.ChangeSpeed(-1));
            case LR_UP -> trainer.submit(new Request.ChangeLearningRate(1));
            case LR_DOWN -> trainer.submit(new Request.ChangeLearningRate(-1));
            case NEW_SEED -> trainer.submit(new Request.Restart(true));
            case SAME_SEED -> trainer.submit(new Request.Restart(false));
            case ADAPT_LR -> trainer.submit(new Request.ToggleAdaptation());
            case NEXT_GATE -> trainer.submit(new Request.NextGate());
            case NEXT_UNITS -> trainer.submit(new Request.NextHiddenUnits(maxUnits));
            case NEXT_ACTIVATION -> trainer.submit(new Request.NextActivation());
            case SELECT_UP -> ui = ui.select(-1, trainer.snapshot().parameterCount());
            case SELECT_DOWN -> ui = ui.select(1, trainer.snapshot().parameterCount());
            case EXPLAIN -> ui = ui.withView(UiState.View.LAB).withOverlay(
                    ui.overlay() == UiState.Overlay.EXPLAIN ? UiState.Overlay.NONE : UiState.Overlay.EXPLAIN);
            case EPSILON_STUDY -> ui = ui.toggleView(UiState.View.EPSILON);
            case BUG_HUNT -> bugHunt();
            case END_HUNT -> {
                if (trainer.snapshot().config().plantedBug() != null) {
                    endHunt(null);
                } else {
                    ui = ui.withNote("no bug hunt going on: b plants a bug at random");
                }
            }
            case SURFACE -> ui = ui.toggleView(UiState.View.SURFACE);
            case COST -> ui = ui.toggleView(UiState.View.COST);
            case NETWORK -> ui = ui.toggleView(UiState.View.NETWORK);
            case ROW -> ui = key != null && key.getCharacter() != null ? ui.withRow(key.getCharacter() - '1') : ui;
            case LOG_SCALE -> ui = ui.toggleLogScale();
            case WRITE_PARAMETERS -> writeParameters();
            case WRITE_HISTORY -> writeHistory();
            case HELP -> ui = ui.withOverlay(switch (ui.overlay()) {
                // ? again: the legend's own page where the keys leave it no room, then the reasons, then closed
                case HELP -> HelpOverlay.legendFits(drawn.getColumns(), drawn.getRows() - 1, options, theme)
                        ? UiState.Overlay.REASONS : UiState.Overlay.LEGEND;
                case LEGEND -> UiState.Overlay.REASONS;
                case REASONS -> UiState.Overlay.NONE;
                default -> UiState.Overlay.HELP;
            });
            case CLOSE -> ui = ui.overlay() != UiState.Overlay.NONE ? ui.withOverlay(UiState.Overlay.NONE)
                    : ui.withView(UiState.View.LAB);
            case REDRAW -> fullRedraw = true;
            case QUIT -> {
                return true;
            }
        }
        return false;
    }

    /**
     * The mouse, as in htop or lazygit: a click on a row of the weights or the gradients (or on an
     * edge or node of the network view) selects that parameter, and a click on the selected one
     * explains it; a click on a truth-table row chooses the row the network shows; a click on a
     * footer key does what the key does; a click while an overlay is open closes it; the wheel
     * moves the selection (in a trace: the step). Returns true to quit.
     */
    private boolean mouse(MouseAction m) {
        int width = drawn.getColumns();
        int height = drawn.getRows();
        if (!Layout.fits(width, height)) return false;
        int col = m.getPosition().getColumn();
        int row = m.getPosition().getRow();
        if (m.getActionType() == MouseActionType.SCROLL_UP || m.getActionType() == MouseActionType.SCROLL_DOWN) {
            boolean up = m.getActionType() == MouseActionType.SCROLL_UP;
            return act(ui.view() == UiState.View.TRACE ? (up ? Keymap.Action.BACK : Keymap.Action.STEP)
                    : up ? Keymap.Action.SELECT_UP : Keymap.Action.SELECT_DOWN, null);
        }
        if (m.getActionType() != MouseActionType.CLICK_DOWN || m.getButton() != 1) return false;
        if (ui.overlay() != UiState.Overlay.NONE) return act(Keymap.Action.CLOSE, null);
        Snapshot s = trainer.snapshot();
        Layout l = Layout.of(width, height, s.parameterCount());
        if (row == l.footer().row()) {
            Keymap.Binding b = FooterPanel.at(width, col, options);
            return b != null && act(b.action(), null);
        }
        int k = -1;
        if (ui.view() == UiState.View.LAB) {
            k = tableRowAt(l.weights(), s, col, row);
            if (k < 0) k = tableRowAt(l.gradients(), s, col, row);
            if (k < 0 && l.network().width() > 0 && inside(l.network(), col, row)) {
                k = NetworkView.parameterAt(l.network(), s, ui, col, row);
            }
            Area truth = l.truth();
            if (inside(truth, col, row) && row - truth.row() >= 2 && row - truth.row() < 2 + Dataset.ROWS) {
                ui = ui.withRow(row - truth.row() - 2);
            }
        } else if (ui.view() == UiState.View.NETWORK && inside(l.view(), col, row)) {
            k = NetworkView.parameterAt(l.view(), s, ui, col, row);
        }
        if (k >= 0) {
            if (k == ui.selected()) return act(Keymap.Action.EXPLAIN, null);
            ui = ui.select(k - ui.selected(), s.parameterCount());
        }
        return false;
    }

    /** The parameter of a table's row at (col, row) of its area (the weights or the gradients), or -1. */
    private int tableRowAt(Area a, Snapshot s, int col, int row) {
        if (!inside(a, col, row) || row - a.row() < 2) return -1;
        int visible = a.height() - 2;
        int count = s.parameterCount();
        int k = Text.firstVisible(ui.selected(), visible, count) + row - a.row() - 2;
        return k < count ? k : -1;
    }

    private static boolean inside(Area a, int col, int row) {
        return col >= a.col() && col < a.right() && row >= a.row() && row < a.bottom();
    }

    /**
     * The keys that move through a trace while one is open: n or → on, ← back, Esc (or t) leaves,
     * after which the epoch completes exactly as traced. Returns whether the key was one of them.
     */
    private boolean traceKey(Keymap.Action a) {
        var trace = trainer.snapshot().lesson().trace();
        // keys typed before the trainer's trace arrives count too (the view shows at most the last step)
        int steps = trace == null ? Integer.MAX_VALUE : trace.steps().size();
        switch (a) {
            case STEP -> ui = ui.withTraceStep(ui.traceStep() + 1, steps);
            case BACK -> ui = ui.withTraceStep(ui.traceStep() - 1, steps);
            case CLOSE, TRACE -> {
                trainer.submit(new Request.Trace(this, false));
                trainer.submit(new Request.Step()); // the epoch traced, done as the trace showed it
                ui = ui.withView(UiState.View.LAB);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * b: with no bug planted, plants one at random (the trainer picks it; nothing says which) and
     * training goes on with it; with one planted, asks which it is (b again, or Esc, goes back).
     */
    private void bugHunt() {
        if (trainer.snapshot().config().plantedBug() == null) {
            trainer.submit(new Request.StartBugHunt());
            ui = ui.withOverlay(UiState.Overlay.NONE);
        } else {
            ui = ui.withOverlay(ui.overlay() == UiState.Overlay.HUNT_QUESTION ? UiState.Overlay.NONE
                    : UiState.Overlay.HUNT_QUESTION);
        }
    }

    /** Names the bug (null: gives up); the answer opens when the trainer has taken the bug out. */
    private void endHunt(org.backproplab.grad.PlantedBug guess) {
        var last = trainer.snapshot().lesson().hunt();
        trainer.submit(new Request.EndBugHunt(guess));
        ui = ui.withHuntResult(last == null ? 1 : last.number() + 1);
    }

    /**
     * The most hidden units {@code u} cycles through: at H = 4 (P = 17) every panel still fits
     * 80×24. A lab started with more ({@code --hidden 8}) cycles up to its own start.
     */
    static final int MAX_UNITS = 4;

    private void writeParameters() {
        Path dir = options.saveDirectory();
        Snapshot s = trainer.snapshot();
        Theme t = theme;
        try {
            Path f = ParametersFile.writeNew(dir, "backprop-lab-params-" + s.epoch(), s.config(), s.preset(),
                    s.epoch(), s.parameters(), options.savedStart());
            ui = ui.withNote("wrote " + f + " (" + t.theta() + " at epoch " + Numbers.count(s.epoch()) + ", for --init)");
        } catch (IOException | RuntimeException e) {
            ui = ui.withNote("could not write the parameters: " + reason(e));
        }
    }

    private void writeHistory() {
        Path dir = options.saveDirectory();
        Snapshot s = trainer.snapshot();
        try {
            Path f = LossHistoryCsv.writeNew(dir, "backprop-lab-loss-" + s.epoch(), s.history(), s.epoch(), s.loss());
            ui = ui.withNote("wrote " + f + " (the loss of epochs 0.." + Numbers.count(Math.max(0, s.epoch() - 1))
                    + " in " + Numbers.count(s.history().size()) + (s.history().size() == 1 ? " row)" : " rows)"));
        } catch (IOException | RuntimeException e) {
            ui = ui.withNote("could not write the loss history: " + reason(e));
        }
    }

    private static String reason(Exception e) {
        return e instanceof IOException io ? FileErrors.reason(io) + (io.getMessage() != null
                && io instanceof java.nio.file.FileSystemException f && f.getFile() != null ? " (" + f.getFile() + ")" : "")
                : String.valueOf(e.getMessage());
    }

    /** This screen's own state (selection, overlay, scale), for tests. */
    UiState uiState() {
        return ui;
    }
}
