package org.backproplab.serve;

import java.io.InputStream;
import java.io.OutputStream;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.command.Command;

/**
 * What sshd hands a command before it starts, kept for it: the channel's streams and the callback
 * that ends the command with an exit status. What the command does is its start and destroy.
 */
abstract class CommandStreams implements Command {
    /** Set before {@link #start}, and read by the thread it starts (which {@code Thread.start} makes safe). */
    InputStream in;
    OutputStream out;
    OutputStream err;
    ExitCallback exit;

    @Override
    public final void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public final void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public final void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public final void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }
}
