package org.backproplab.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.AbstractTextGraphics;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.Arrays;
import org.backproplab.tui.term.MouseReporting;
import org.backproplab.tui.term.SgrMouse;

/**
 * The lab's screen: the frame being drawn and the frame the terminal shows, as two grids of cells
 * over a Lanterna {@link Terminal}; {@link #refresh} writes only the cells that differ.
 *
 * <p>Why not Lanterna's {@code TerminalScreen}: its delta refresh builds a sorted map with a new
 * position object per changed cell, copies every changed cell's modifier set, and asks for each of
 * the screen's cells whether it is a CJK character; about 35 KB of garbage and most of the refresh
 * time per frame. Here the panels' cells come from {@link Cells}' memo, so an unchanged cell is
 * found by reference, and a frame with no changes writes nothing and allocates nothing.
 *
 * <p>Every cell is one column wide: the themes draw no double-width characters (and the ASCII
 * theme exists for terminals that would draw ambiguous ones double).
 *
 * <p>The frame is at most {@value #MAX_COLUMNS}×{@value #MAX_ROWS}, about what the largest real
 * terminal shows (a 4K screen with a small font): a window reported larger (a client over SSH may
 * claim any size) is drawn in its top-left corner, so no window makes a frame cost more than that.
 */
final class FrameScreen {
    static final int MAX_COLUMNS = 500;
    static final int MAX_ROWS = 200;
    /** Keys typed ahead that stopping reads away, at most: more than a screenful of typing. */
    static final int KEYS_DROPPED_AT_STOP = 4096;

    /** The text attributes a cell can carry, in the order of {@link #modifiers}' bits. */
    private static final SGR[] MODIFIERS = {SGR.BOLD, SGR.REVERSE, SGR.UNDERLINE, SGR.BLINK, SGR.BORDERED,
        SGR.CROSSED_OUT, SGR.ITALIC};

    private final Terminal terminal;
    private final Graphics graphics = new Graphics();
    private volatile TerminalSize pendingSize;
    /** The window as the terminal reports it, and the part of it drawn. */
    private TerminalSize window;
    private TerminalSize size;
    /** What the next refresh shows. */
    private TextCharacter[] back;
    /** What the terminal shows now. */
    private TextCharacter[] front;
    private boolean started;
    /** The terminal whose mouse reports are on, or null. */
    private MouseReporting mouse;

    FrameScreen(Terminal terminal) throws IOException {
        this.terminal = terminal;
        this.window = terminal.getTerminalSize();
        this.size = drawable(window);
        allocate(size);
        terminal.addResizeListener((t, newSize) -> pendingSize = newSize);
    }

    /** Enters the alternate screen, clears it and hides the cursor. */
    void start() throws IOException {
        start(false);
    }

    /**
     * Enters the alternate screen, clears it and hides the cursor; with {@code mouse}, the mouse's
     * reports are switched on (where the terminal can) and decoded as {@link
     * com.googlecode.lanterna.input.MouseAction}s until {@link #stop}.
     */
    void start(boolean mouse) throws IOException {
        if (started) return;
        started = true;
        terminal.enterPrivateMode();
        if (mouse && terminal instanceof MouseReporting m
                && terminal instanceof com.googlecode.lanterna.terminal.ansi.StreamBasedTerminal s) {
            s.getInputDecoder().addProfile(SgrMouse.PROFILE);
            m.reportMouse(true);
            this.mouse = m;
        }
        terminal.clearScreen();
        terminal.setCursorVisible(false);
        terminal.flush();
        Arrays.fill(front, Cells.BLANK);
    }

    /**
     * Leaves the alternate screen (which also resets colours and shows the cursor), first reading
     * away keys not yet read (up to {@value #KEYS_DROPPED_AT_STOP}), so they do not reach the shell.
     * The alternate screen is cleared and the cursor sent home before it is left, as vim and less
     * do: a terminal resized while the lab ran (tmux, for one) shrinks the alternate screen back to
     * the shell's old size on the way out, and the lines it cuts off would otherwise land in the
     * shell's scrollback and on its screen.
     */
    void stop() throws IOException {
        if (!started) return;
        started = false;
        KeyStroke k;
        int left = KEYS_DROPPED_AT_STOP; // a paste that never ends must not keep the lab from ending
        do {
            k = terminal.pollInput();
        } while (k != null && k.getKeyType() != KeyType.EOF && --left > 0);
        if (mouse != null) {
            mouse.reportMouse(false);
            mouse = null;
        }
        terminal.resetColorAndSGR();
        terminal.clearScreen();
        terminal.setCursorPosition(0, 0);
        terminal.exitPrivateMode();
        terminal.flush();
    }

    /** The size the next frame is drawn at. */
    TerminalSize size() {
        return size;
    }

    /** The window's size as the terminal reports it: larger than {@link #size()} when {@link #cut()}. */
    TerminalSize window() {
        return window;
    }

    /** Whether the window is larger than the frame drawn in it. */
    boolean cut() {
        return !window.equals(size);
    }

    /** The part of a window of {@code s} that is drawn: all of it, up to the largest frame. */
    static TerminalSize drawable(TerminalSize s) {
        return s.getColumns() <= MAX_COLUMNS && s.getRows() <= MAX_ROWS ? s
                : new TerminalSize(Math.min(s.getColumns(), MAX_COLUMNS), Math.min(s.getRows(), MAX_ROWS));
    }

    /** Takes a resize reported by the terminal; returns the size drawn now, or null when the window did not change. */
    TerminalSize resizeIfNeeded() {
        TerminalSize s = pendingSize;
        if (s == null) return null;
        pendingSize = null;
        if (s.equals(window)) return null;
        window = s;
        TerminalSize drawn = drawable(s);
        if (!drawn.equals(size)) {
            size = drawn;
            allocate(drawn);
        }
        return drawn; // even when only the part not drawn changed: the note about the cut says the new size
    }

    private void allocate(TerminalSize s) {
        int cells = s.getColumns() * s.getRows(); // at most MAX_COLUMNS × MAX_ROWS: no overflow
        back = new TextCharacter[cells];
        front = new TextCharacter[cells];
        Arrays.fill(back, Cells.BLANK);
        Arrays.fill(front, Cells.BLANK);
    }

    /** Where the next frame is drawn; the same object every frame, so take it afresh after a resize. */
    TextGraphics graphics() {
        return graphics;
    }

    /**
     * Sends the frame: with {@code complete}, clears the terminal and writes every cell that is not
     * blank (after a resize, or when something else wrote to the terminal); otherwise only the
     * cells that changed since the last refresh. One flush at the end: one write per frame.
     */
    void refresh(boolean complete) throws IOException {
        if (complete) {
            terminal.resetColorAndSGR();
            terminal.clearScreen();
            Arrays.fill(front, Cells.BLANK);
        }
        int cols = size.getColumns();
        int rows = size.getRows();
        boolean styled = false; // the terminal's colours and modifiers are known once the first cell sets them
        TextColor fg = null;
        TextColor bg = null;
        int mods = 0;
        int cursorRow = -1;
        int cursorCol = -1;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                TextCharacter want = back[base + c];
                TextCharacter has = front[base + c];
                if (want == has || want.equals(has)) continue;
                if (r != cursorRow || c != cursorCol) {
                    terminal.setCursorPosition(c, r);
                }
                int m = modifiers(want);
                if (!styled) {
                    terminal.resetColorAndSGR();
                    fg = TextColor.ANSI.DEFAULT;
                    bg = TextColor.ANSI.DEFAULT;
                    mods = 0;
                    styled = true;
                }
                if (m != mods) {
                    for (int i = 0; i < MODIFIERS.length; i++) {
                        int bit = 1 << i;
                        if ((m & bit) != (mods & bit)) {
                            if ((m & bit) != 0) {
                                terminal.enableSGR(MODIFIERS[i]);
                            } else {
                                terminal.disableSGR(MODIFIERS[i]);
                            }
                        }
                    }
                    mods = m;
                }
                if (!want.getForegroundColor().equals(fg)) {
                    fg = want.getForegroundColor();
                    terminal.setForegroundColor(fg);
                }
                if (!want.getBackgroundColor().equals(bg)) {
                    bg = want.getBackgroundColor();
                    terminal.setBackgroundColor(bg);
                }
                terminal.putCharacter(want.getCharacter());
                front[base + c] = want;
                cursorRow = r;
                cursorCol = c + 1;
            }
        }
        terminal.flush();
    }

    /** The cell at (col, row) of the frame being drawn (tests). */
    TextCharacter back(int col, int row) {
        return back[row * size.getColumns() + col];
    }

    private static int modifiers(TextCharacter t) {
        int m = 0;
        if (t.isBold()) m |= 1;
        if (t.isReversed()) m |= 1 << 1;
        if (t.isUnderlined()) m |= 1 << 2;
        if (t.isBlinking()) m |= 1 << 3;
        if (t.isBordered()) m |= 1 << 4;
        if (t.isCrossedOut()) m |= 1 << 5;
        if (t.isItalic()) m |= 1 << 6;
        return m;
    }

    /** Drawing on the back grid; cells outside it are dropped. */
    private final class Graphics extends AbstractTextGraphics {
        @Override
        public TextGraphics setCharacter(int col, int row, TextCharacter c) {
            int cols = size.getColumns();
            if (col >= 0 && row >= 0 && col < cols && row < size.getRows()) {
                back[row * cols + col] = c;
            }
            return this;
        }

        @Override
        public TextCharacter getCharacter(int col, int row) {
            int cols = size.getColumns();
            if (col >= 0 && row >= 0 && col < cols && row < size.getRows()) {
                return back[row * cols + col];
            }
            return null;
        }

        @Override
        public TerminalSize getSize() {
            return size;
        }

        /** As Lanterna's, without its list view of the arguments. */
        @Override
        public TextGraphics enableModifiers(SGR... modifiers) {
            for (SGR m : modifiers) activeModifiers.add(m);
            return this;
        }
    }
}
