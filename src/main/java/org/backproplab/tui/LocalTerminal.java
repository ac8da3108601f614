package org.backproplab.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The process's own tty as a Lanterna terminal, set up the way that was measured to work: Ctrl-C
 * and Ctrl-Z arrive as keys (so the lab quits in order and never stops half-drawn), the size comes
 * from {@code stty size} (no 5-second wait for an answer to a size query), every frame goes out in
 * one write, and characters are encoded exactly.
 */
public final class LocalTerminal extends UnixTerminal {
    private final FrameOutputStream frames;
    private final Charset charset;

    private LocalTerminal(InputStream in, FrameOutputStream out, Charset charset) throws IOException {
        super(in, out, charset, UnixLikeTerminal.CtrlCBehaviour.TRAP);
        this.frames = out;
        this.charset = charset;
    }

    /** Opens stdin/stdout (which must be a terminal) in raw mode; {@link #close()} restores it. */
    public static LocalTerminal open(Charset charset) throws IOException {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        return new LocalTerminal(System.in, new FrameOutputStream(stdout), charset);
    }

    /** UTF-8 when the locale says so, else US-ASCII (and the theme then draws ASCII only). */
    public static Charset charset(Map<String, String> env) {
        return Theme.utf8Locale(env) ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
    }

    public FrameOutputStream frames() {
        return frames;
    }

    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        try {
            String[] rowsCols = runSTTYCommand("size").trim().split("\\s+");
            int rows = Integer.parseInt(rowsCols[0]);
            int cols = Integer.parseInt(rowsCols[1]);
            if (rows > 0 && cols > 0) {
                return new TerminalSize(cols, rows);
            }
        } catch (IOException | RuntimeException e) {
            // fall through to a safe default: the lab draws "too small" or fits, and a resize fixes it
        }
        return new TerminalSize(80, 24);
    }

    /*
     * Raw mode in one stty run instead of four: Lanterna sets line mode, echo and the signal keys
     * one by one (a process each, ~20 ms apiece at start-up). When it switches them off, in that
     * order, the first two are deferred to the third; switching on goes through as before (the
     * saved settings are restored first, on close).
     */

    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        if (enabled) super.canonicalMode(true);
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) throws IOException {
        if (enabled) super.keyEchoEnabled(true);
    }

    /**
     * Off: line mode, echo, and the Ctrl-C and Ctrl-Z signals all at once; Ctrl-Z too arrives as a
     * key, since a suspended lab would come back stuck in line mode.
     */
    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
        if (enabled) {
            super.keyStrokeSignalsEnabled(true);
        } else {
            runSTTYCommand("-icanon", "min", "1", "-echo", "intr", "undef", "susp", "undef");
        }
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
