package org.backproplab.tui.term;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * The process's own tty as a Lanterna terminal, set up the way that was measured to work: Ctrl-C
 * and Ctrl-Z arrive as keys (so the lab quits in order and never stops half-drawn), the size comes
 * from {@code stty size} (no 5-second wait for an answer to a size query), every frame goes out in
 * one write, and characters are encoded exactly. The line settings are the lab's own business
 * ({@link TtyModes}): saved and switched to raw in one stty call when the terminal opens, and put
 * back on {@link #close()} or at shutdown; Lanterna's own tty hooks do nothing here.
 */
public final class LocalTerminal extends UnixTerminal implements MouseReporting {
    private final FrameOutputStream frames;
    private final Charset charset;
    private final TtyModes tty;
    private volatile boolean mouse;

    private LocalTerminal(InputStream in, FrameOutputStream out, Charset charset, TtyModes tty) throws IOException {
        super(in, out, charset, UnixLikeTerminal.CtrlCBehaviour.TRAP);
        this.frames = out;
        this.charset = charset;
        this.tty = tty;
    }

    /** Opens stdin/stdout (which must be a terminal) in raw mode; {@link #close()} restores it. */
    public static LocalTerminal open(Charset charset) throws IOException {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        TtyModes tty = TtyModes.save();
        try {
            LocalTerminal t = new LocalTerminal(System.in, new FrameOutputStream(stdout), charset, tty);
            tty.raw();
            return t;
        } catch (IOException | RuntimeException e) {
            tty.restore();
            throw e;
        }
    }

    /** UTF-8 when the locale says so, else US-ASCII (and the theme then draws ASCII only). */
    public static Charset charset(Map<String, String> env) {
        return Locales.charset(env);
    }

    public FrameOutputStream frames() {
        return frames;
    }

    @Override
    protected TerminalSize findTerminalSize() {
        // a safe default: the lab draws "too small" or fits, and a resize fixes it
        return ttySize().orElse(new TerminalSize(80, 24));
    }

    /** The controlling terminal's size as {@code stty size} says; empty when there is none. */
    public static java.util.Optional<TerminalSize> ttySize() {
        try {
            String[] rowsCols = TtyModes.size().trim().split("\\s+");
            int rows = Integer.parseInt(rowsCols[0]);
            int cols = Integer.parseInt(rowsCols[1]);
            if (rows > 0 && cols > 0) {
                return java.util.Optional.of(new TerminalSize(cols, rows));
            }
        } catch (IOException | RuntimeException e) {
            // no terminal, or one that will not say
        }
        return java.util.Optional.empty();
    }

    /** Puts the tty's settings back (once), then lets Lanterna leave. */
    @Override
    public void close() throws IOException {
        try {
            if (mouse) reportMouse(false);
            tty.restore();
        } finally {
            super.close();
        }
    }

    // Lanterna's tty hooks: the settings are TtyModes' (see the class comment); these run from
    // Lanterna's constructor, its close and its shutdown hook, in an order a property changes.

    @Override
    protected void saveTerminalSettings() {
    }

    @Override
    protected void restoreTerminalSettings() throws IOException {
        if (mouse) reportMouse(false); // the lab stopped without its screen's stop (the JVM is going)
        if (tty != null) tty.restore();
    }

    @Override
    public void reportMouse(boolean on) throws IOException {
        writeToTerminal(AnsiBytes.ascii(on ? SgrMouse.ON : SgrMouse.OFF));
        flush();
        mouse = on;
    }

    @Override
    protected void canonicalMode(boolean enabled) {
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) {
    }

    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) {
    }

    /** Exactly the character's bytes (Lanterna's own encoding adds a NUL after 2-byte characters). */
    @Override
    protected byte[] translateCharacter(char c) {
        return AnsiBytes.encode(c, charset);
    }

    /** From a shared table: Lanterna builds a new string for every move. */
    @Override
    public void setCursorPosition(int col, int row) throws IOException {
        writeToTerminal(AnsiBytes.cursor(col, row));
    }
}
