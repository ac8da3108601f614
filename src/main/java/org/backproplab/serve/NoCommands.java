package org.backproplab.serve;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;

/**
 * What {@code ssh host ls} gets: no command is run, ever. Instead of the bare "exec request
 * failed" of a refused request, the learner reads one line (on stderr) that says what the server
 * gives and what to type, and the session ends with exit status 1.
 */
final class NoCommands implements CommandFactory {
    @Override
    public Command createCommand(ChannelSession channel, String command) {
        return new Refusal();
    }

    static String line(String connect) {
        return "Backprop Lab gives each learner a lab, not a shell or commands: connect with plain '" + connect
                + "', without a command.";
    }

    /** Reads nothing and writes its one line on stderr. */
    private static final class Refusal extends CommandStreams {
        @Override
        public void start(ChannelSession channel, Environment env) {
            String line = line(LabShell.howToConnect(channel.getSession()));
            // after start returns, so that the request's reply goes out before the channel closes
            Thread t = new Thread(() -> LabShell.endWith(err, exit, 1, line), "no command");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            // nothing runs
        }
    }
}
