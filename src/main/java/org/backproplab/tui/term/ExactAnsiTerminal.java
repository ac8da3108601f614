package org.backproplab.tui.term;

import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * An ANSI terminal over plain streams that writes exactly the bytes of each character and takes
 * its cursor moves from a shared table ({@link AnsiBytes}). The SSH server's terminal and the
 * off-screen one extend it; {@link LocalTerminal} (a tty, so a different Lanterna base) does the
 * same two things itself.
 */
public abstract class ExactAnsiTerminal extends ANSITerminal implements MouseReporting {
    protected ExactAnsiTerminal(InputStream in, OutputStream out, Charset charset) {
        super(in, out, charset);
    }

    /**
     * Exactly the bytes of one character. Lanterna's own version returns the encoder's whole
     * backing array, which carries a NUL after every two-byte character (é ± × µ).
     */
    @Override
    protected byte[] translateCharacter(char c) {
        return AnsiBytes.encode(c, getCharset());
    }

    @Override
    public void reportMouse(boolean on) throws IOException {
        writeToTerminal(AnsiBytes.ascii(on ? SgrMouse.ON : SgrMouse.OFF));
        flush();
    }

    /** From a shared table: Lanterna builds a new string for every move. */
    @Override
    public void setCursorPosition(int col, int row) throws IOException {
        writeToTerminal(AnsiBytes.cursor(col, row));
    }
}
