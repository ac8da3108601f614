package org.backproplab.tui.term;

import com.googlecode.lanterna.TerminalSize;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * A terminal of a fixed size that writes its bytes to a stream and reads no keys: frames drawn on
 * it take the same path to bytes as on a real terminal, without one.
 */
public final class OffScreenTerminal extends ExactAnsiTerminal {
    private final TerminalSize size;

    public OffScreenTerminal(TerminalSize size, OutputStream out, Charset charset) {
        super(new ByteArrayInputStream(new byte[0]), out, charset);
        this.size = size;
    }

    @Override
    protected TerminalSize findTerminalSize() {
        return size;
    }
}
