package org.backproplab.serve;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * A session channel that keeps only what a lab reads from the client: the locale variables and
 * NO_COLOR from its environment requests, each at most {@value #LONGEST} characters, and the
 * terminal type and size from its pty request and window changes. Any other variable is refused
 * and forgotten, and a connection that sends more than {@value #MOST_REFUSED} of them is closed
 * (OpenSSH sends a handful, at most those its SendEnv names): a flood costs the server no more than
 * reading those. COLUMNS and LINES from an environment request are refused too, as only the pty
 * request and window changes say the size.
 */
final class LabChannel extends ChannelSession {
    /** The variables a lab reads (LabShell's charset and colour, and the terminal). */
    static final Set<String> KEPT = Set.of("LANG", "LC_ALL", "LC_CTYPE", "NO_COLOR");
    /** The longest value kept: a locale name or a terminal type is far shorter. */
    static final int LONGEST = 100;
    /** Refused variables a channel may send before its connection is closed. */
    static final int MOST_REFUSED = 64;

    private int refused;

    /** Makes this kind of channel for every "session" a client opens (the only kind there is). */
    static final ChannelFactory FACTORY = new ChannelFactory() {
        @Override
        public String getName() {
            return "session";
        }

        @Override
        public Channel createChannel(Session session) {
            return new LabChannel();
        }
    };

    @Override
    protected RequestHandler.Result handleEnvParsed(String name, String value) throws IOException {
        if (!KEPT.contains(name) || value.length() > LONGEST) {
            if (++refused > MOST_REFUSED) {
                getSession().close(true); // a flood, not a client setting up a terminal
            }
            return RequestHandler.Result.ReplyFailure;
        }
        return super.handleEnvParsed(name, value);
    }

    @Override
    protected RequestHandler.Result handlePtyReqParsed(String term, int columns, int rows, int width, int height,
                                                       Map<PtyMode, Integer> modes) throws IOException {
        String kept = term.length() > LONGEST ? term.substring(0, LONGEST) : term;
        return super.handlePtyReqParsed(kept, columns, rows, width, height, modes);
    }
}
