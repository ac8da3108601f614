package org.backproplab.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.backproplab.serve.Classroom.Admitted;
import org.backproplab.serve.Classroom.Refused;
import org.backproplab.serve.LabFactory.RunningLab;
import org.backproplab.tui.FrameOutputStream;
import org.backproplab.tui.LabOptions;

/**
 * The "shell" of one SSH session: checks that there is a terminal and room, then runs the
 * learner's lab on its own thread (so one slow client stalls nobody else) until they quit, the
 * connection drops, they sit idle too long or the class ends.
 */
final class LabShell implements Command {
    private final Classroom classroom;
    private final LabFactory labs;
    private final boolean shared;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private volatile Learner learner;
    private volatile boolean destroyed;

    LabShell(Classroom classroom, LabFactory labs, boolean shared) {
        this.classroom = classroom;
        this.labs = labs;
        this.shared = shared;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // With a terminal, stdout and stderr reach the same screen: everything goes to stdout.
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        String name = channel.getSession().getUsername();
        InetAddress address = addressOf(channel.getSession().getClientAddress());
        Thread t = new Thread(() -> serve(name, address, env), "lab " + name + "@" + address.getHostAddress());
        t.setDaemon(true);
        t.start();
    }

    private void serve(String name, InetAddress address, Environment env) {
        String noTerminal = terminalProblem(env.getEnv());
        if (noTerminal != null) {
            finish(1, noTerminal);
            return;
        }
        Classroom.Admission admission = classroom.admit(name, address, System.nanoTime());
        if (admission instanceof Refused r) {
            finish(1, r.reason());
        } else if (admission instanceof Admitted a) {
            runLab(a.learner(), env);
        }
    }

    private void runLab(Learner l, Environment env) {
        learner = l;
        int status = 0;
        String problem = null;
        try {
            if (destroyed) {
                l.end(null);
            }
            Map<String, String> vars = env.getEnv();
            Charset charset = charsetOf(vars);
            // one write per frame into the channel instead of one per escape sequence
            FrameOutputStream frames = new FrameOutputStream(out);
            l.countBytes(frames::bytesWritten);
            ChannelTerminal terminal = new ChannelTerminal(
                    new KeyInput(in, () -> l.keyPressed(System.nanoTime())), frames, charset, env);
            boolean readOnly = shared && !l.driver();
            LabOptions options = new LabOptions(colourWanted(vars), !charset.equals(StandardCharsets.UTF_8), readOnly,
                    shared ? "Backprop Lab (shared)" : "Backprop Lab");
            RunningLab lab = labs.open(terminal, options);
            l.attach(lab);
            if (!l.ended()) {
                lab.run();
            }
        } catch (Exception | LinkageError e) {
            status = 1;
            problem = "The lab stopped with an error: " + (e.getMessage() != null ? e.getMessage() : e.toString());
        } finally {
            classroom.leave(l);
        }
        String message = l.endMessage() != null ? l.endMessage() : problem;
        finish(message != null ? 1 : status, message);
    }

    /** Prints the line (if any) on the learner's terminal and ends the session with the status. */
    private void finish(int status, String line) {
        if (line != null && !destroyed) {
            try {
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8)); // no tty on our side: \r\n by hand
                out.flush();
            } catch (IOException e) {
                // the connection is gone: nothing to tell
            }
        }
        try {
            exit.onExit(status, line != null ? line : "");
        } catch (RuntimeException e) {
            // the channel closed under us (a drop): nothing left to end
        }
    }

    /** The connection is closing (a drop, or the session ended): stop the lab and free its thread. */
    @Override
    public void destroy(ChannelSession channel) {
        destroyed = true;
        Learner l = learner;
        if (l != null) {
            l.end(null);
        }
    }

    /** Why this session cannot hold a lab, or null when it can. */
    static String terminalProblem(Map<String, String> env) {
        String term = env.get(Environment.ENV_TERM);
        if (term == null || term.isBlank()) {
            return "Backprop Lab needs a terminal: connect with plain 'ssh -p PORT HOST', without -T or a command.";
        }
        if (term.equals("dumb")) {
            return "Backprop Lab needs a full-screen terminal, and TERM=dumb cannot show one: use a terminal such as xterm.";
        }
        return null;
    }

    /**
     * The client's charset from LC_ALL, LC_CTYPE or LANG (the first set); UTF-8 when the client
     * sent none (most do not), US-ASCII for any other locale, which also switches to ASCII glyphs.
     */
    static Charset charsetOf(Map<String, String> env) {
        for (String var : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                String lower = v.toLowerCase(Locale.ROOT);
                return lower.contains("utf-8") || lower.contains("utf8") ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Colour unless the client sent NO_COLOR with a value (no-color.org). */
    static boolean colourWanted(Map<String, String> env) {
        String v = env.get("NO_COLOR");
        return v == null || v.isEmpty();
    }

    private static InetAddress addressOf(SocketAddress a) {
        if (a instanceof InetSocketAddress i && i.getAddress() != null) {
            return i.getAddress();
        }
        return InetAddress.getLoopbackAddress();
    }
}
