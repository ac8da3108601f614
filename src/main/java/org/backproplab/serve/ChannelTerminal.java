package org.backproplab.serve;

import com.googlecode.lanterna.TerminalSize;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Map;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.Signal;
import org.backproplab.tui.term.ExactAnsiTerminal;

/**
 * A Lanterna terminal on one SSH channel. The size comes from the client's pty request and its
 * window-change messages (no size query on the wire), and each character is encoded exactly.
 */
final class ChannelTerminal extends ExactAnsiTerminal {
    /** What a client that sends no size (e.g. {@code ssh -tt} from a pipe, which says 0×0) gets. */
    static final TerminalSize FALLBACK_SIZE = new TerminalSize(80, 24);

    private final Environment env;

    ChannelTerminal(InputStream in, OutputStream out, Charset charset, Environment env) {
        super(in, out, charset);
        this.env = env;
        // MINA updates COLUMNS and LINES before it calls the listener.
        env.addSignalListener((channel, signal) -> onResized(sizeOf(env.getEnv())), Signal.WINCH);
    }

    @Override
    protected TerminalSize findTerminalSize() {
        return sizeOf(env.getEnv());
    }

    /** The size the client reported, or 80×24 when it reported none or 0×0. */
    static TerminalSize sizeOf(Map<String, String> env) {
        int columns = positive(env.get(Environment.ENV_COLUMNS));
        int lines = positive(env.get(Environment.ENV_LINES));
        return columns > 0 && lines > 0 ? new TerminalSize(columns, lines) : FALLBACK_SIZE;
    }

    private static int positive(String s) {
        try {
            return s == null ? 0 : Math.max(0, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
