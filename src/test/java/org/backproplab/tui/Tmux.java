package org.backproplab.tui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A private tmux server (its own socket) with one pane running a command: keys in, the screen
 * read back with capture-pane. For the integration tests that drive the real jar.
 */
public final class Tmux implements AutoCloseable {
    private final String socket = "blab-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    /** Skips the test only when tmux cannot be run at all (CI installs it). */
    public static void assumeInstalled() {
        boolean ok;
        try {
            ok = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        assumeTrue(ok, "tmux is not installed");
    }

    /**
     * Starts {@code shellCommand} in a cols×rows pane; afterwards the pane prints "EXITED rc=N",
     * the terminal's `stty -a` on one line, and then {@value #DONE}: a test that reads the stty
     * line waits for {@value #DONE} (see {@link #awaitExit}), which comes after it.
     */
    public Tmux start(int cols, int rows, String shellCommand) throws IOException, InterruptedException {
        run("new-session", "-d", "-s", "t", "-x", Integer.toString(cols), "-y", Integer.toString(rows),
                shellCommand + "; echo EXITED rc=$?; stty -a | tr '\\n' ' '; echo; echo " + DONE + "; sleep 60");
        return this;
    }

    /** Printed after the exit code and the stty line. */
    static final String DONE = "STTY-DONE";

    /** Waits until the command has exited and the stty line is printed; returns that screen. */
    public String awaitExit(String what, double seconds) throws IOException, InterruptedException {
        return await(what, seconds, s -> s.contains(DONE));
    }

    public void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
        args.addAll(List.of(keys));
        run(args.toArray(new String[0]));
    }

    public String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", "t");
    }

    /** The screen and, above it, the pane's scrollback (what the shell's user can scroll back to). */
    String screenAndHistory() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-S", "-1000", "-t", "t");
    }

    void resize(int cols, int rows) throws IOException, InterruptedException {
        run("resize-window", "-t", "t", "-x", Integer.toString(cols), "-y", Integer.toString(rows));
    }

    /** The screen with colour escapes (capture-pane -e). */
    String screenWithEscapes() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-e", "-t", "t");
    }

    long panePid() throws IOException, InterruptedException {
        return Long.parseLong(run("display-message", "-p", "-t", "t", "#{pane_pid}").trim());
    }

    /** Polls the screen until {@code p} holds; returns it, or throws with the last screen. */
    public String await(String what, double seconds, Predicate<String> p) throws IOException, InterruptedException {
        // it returns as soon as the screen shows it, so the limit only has to outlast a loaded machine
        long end = System.nanoTime() + (long) (Math.max(seconds, 30) * 1e9);
        String s = "";
        while (System.nanoTime() < end) {
            s = screen();
            if (p.test(s)) return s;
            Thread.sleep(50);
        }
        throw new AssertionError("not within " + seconds + " s: " + what + "\n--- screen ---\n" + s);
    }

    String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("kill-server");
    }

    /** The number after the first "epoch" on screen, or -1. */
    static long epoch(String screen) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("epoch ([0-9,]+)").matcher(screen);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    /** Whether the stty line after the exit (read once {@link #DONE} shows) has echo and icanon on. */
    static boolean terminalSane(String screen) {
        if (!screen.contains(DONE)) throw new IllegalStateException("read the stty line after awaitExit");
        String s = screen.replace('\n', ' ');
        return s.matches("(?s).*(^| )echo( |$).*") && s.matches("(?s).*(^| )icanon( |$).*");
    }
}
