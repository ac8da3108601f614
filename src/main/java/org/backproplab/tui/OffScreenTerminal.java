package org.backproplab.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * An ANSI terminal of a fixed size that writes its bytes to a stream and reads no keys: frames
 * drawn on it take the same path to bytes as on a real terminal (the same character encoding and
 * cursor moves as {@link LocalTerminal} and the SSH server's terminal), without one.
 */
public final class OffScreenTerminal extends ANSITerminal {
    private final TerminalSize size;
    private final Charset charset;

    public OffScreenTerminal(TerminalSize size, OutputStream out, Charset charset) {
        super(new ByteArrayInputStream(new byte[0]), out, charset);
        this.size = size;
        this.charset = charset;
    }

    @Override
    protected TerminalSize findTerminalSize() {
        return size;
    }

    @Override
    protected byte[] translateCharacter(char c) {
        return AnsiBytes.encode(c, charset);
    }

    @Override
    public void setCursorPosition(int col, int row) throws IOException {
        writeToTerminal(AnsiBytes.cursor(col, row));
    }
}
