package org.backproplab.serve;

import java.io.IOException;
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
import org.apache.sshd.server.session.ServerSession;
import org.backproplab.serve.Classroom.Admitted;
import org.backproplab.serve.Classroom.Refused;
import org.backproplab.serve.LabFactory.RunningLab;
import org.backproplab.tui.LabOptions;
import org.backproplab.tui.term.FrameOutputStream;

/**
 * The "shell" of one SSH session: checks that there is a terminal and room, then runs the
 * learner's lab on its own thread (so one slow client stalls nobody else) until they quit, the
 * connection drops, they sit idle too long or the class ends.
 */
final class LabShell extends CommandStreams {
    private final Classroom classroom;
    private final LabFactory labs;
    private volatile Learner learner;
    private volatile boolean destroyed;

    LabShell(Classroom classroom, LabFactory labs) {
        this.classroom = classroom;
        this.labs = labs;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        ServerSession session = channel.getSession();
        String name = session.getUsername();
        InetAddress address = Doorway.addressOf(session);
        String connect = howToConnect(session);
        Thread t = new Thread(() -> serve(session, name, address, connect, env), "lab");
        t.setDaemon(true);
        t.start();
    }

    private void serve(ServerSession session, String name, InetAddress address, String connect, Environment env) {
        String noTerminal = terminalProblem(env.getEnv(), connect);
        if (noTerminal != null) {
            finish(1, noTerminal);
            return;
        }
        Classroom.Admission admission = classroom.admit(session, name, address, System.nanoTime());
        if (admission instanceof Refused r) {
            finish(1, r.reason());
        } else if (admission instanceof Admitted a) {
            runLab(a.learner(), env);
        }
    }

    /**
     * Runs the lab to its end. Whatever it throws, an Error such as running out of memory too,
     * ends this session alone, with a line and exit status 1: the lab's place is given back and the
     * channel closed, and no other learner's lab is touched.
     */
    private void runLab(Learner l, Environment env) {
        learner = l;
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
            LabOptions options = new LabOptions(colourWanted(vars), !charset.equals(StandardCharsets.UTF_8),
                    l.watches(), l.title());
            RunningLab lab = labs.open(terminal, options);
            l.attach(lab);
            if (!l.ended()) {
                lab.run();
            }
        } catch (Throwable e) {
            problem = "The lab stopped with an error: " + (e.getMessage() != null ? e.getMessage() : e.toString());
        } finally {
            classroom.leave(l, System.nanoTime());
            String message = l.endMessage() != null ? l.endMessage() : problem;
            finish(message != null ? 1 : 0, message);
        }
    }

    /**
     * Prints the line (if any) on the learner's terminal and ends the session with the status. With
     * a terminal, stdout and stderr reach the same screen: everything goes to stdout.
     */
    private void finish(int status, String line) {
        endWith(destroyed ? null : out, exit, status, line);
    }

    /**
     * Writes the line (if any, and if there is a stream to write it to) and ends the command with
     * the status; a connection already gone is not an error here.
     */
    static void endWith(OutputStream stream, ExitCallback exit, int status, String line) {
        if (line != null && stream != null) {
            try {
                stream.write((line + "\r\n").getBytes(StandardCharsets.UTF_8)); // no tty on our side: \r\n by hand
                stream.flush();
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

    /** Why this session cannot hold a lab, or null when it can; {@code connect}: what to type instead. */
    static String terminalProblem(Map<String, String> env, String connect) {
        String term = env.get(Environment.ENV_TERM);
        if (term == null || term.isBlank()) {
            return "Backprop Lab needs a terminal: connect with plain '" + connect + "', without -T or a command.";
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

    /**
     * What this learner types to get a lab: {@code ssh -p PORT NAME@ADDRESS} with the port and the
     * address they reached (the server's end of their connection, or behind a balancer the
     * balancer's, from the PROXY header) and their user name, or NAME when theirs is not one a
     * shell takes as it is.
     */
    static String howToConnect(ServerSession session) {
        SocketAddress reached = ProxiedSessions.reached(session);
        SocketAddress local = reached != null ? reached
                : session.getIoSession() != null ? session.getIoSession().getLocalAddress() : null;
        String host = "HOST";
        int port = ServeSettings.DEFAULT_PORT;
        if (local instanceof InetSocketAddress i) {
            port = i.getPort();
            host = i.getAddress() != null ? i.getAddress().getHostAddress() : i.getHostString();
        }
        String user = session.getUsername();
        String who = user != null && user.matches("[A-Za-z0-9._-]{1,32}") ? user : "NAME";
        return "ssh " + (port == 22 ? "" : "-p " + port + " ") + who + "@" + host;
    }
}
