package org.backproplab.tui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A private tmux server (its own socket) running commands in real terminals: keys in, the screen
 * read back with capture-pane. For the integration tests that drive the real jar, or OpenSSH's
 * client into the class server. One pane ({@link #start}, target "t"), or windows by name
 * ({@link #open}, targets "t:NAME") for several programs side by side.
 */
public final class Tmux implements AutoCloseable {
    private final String socket = "blab-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private boolean started;

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

    /** Whether each of these programs is on the PATH. */
    public static boolean available(String... tools) {
        for (String t : tools) {
            try {
                Process p = new ProcessBuilder("sh", "-c", "command -v " + t).redirectErrorStream(true).start();
                if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return false;
                }
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Starts {@code shellCommand} in a cols×rows pane; afterwards the pane prints "EXITED rc=N",
     * the terminal's `stty -a` on one line, and then {@value #DONE}: a test that reads the stty
     * line waits for {@value #DONE} (see {@link #awaitExit}), which comes after it.
     */
    public Tmux start(int cols, int rows, String shellCommand) throws IOException, InterruptedException {
        started = true;
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

    /** A window named {@code window} running {@code command} in a shell, {@code cols}×{@code rows}. */
    public void open(String window, int cols, int rows, String command) throws IOException, InterruptedException {
        if (!started) {
            started = true;
            run("new-session", "-d", "-s", "t", "-n", window, "-x", "" + cols, "-y", "" + rows, command);
        } else {
            run("new-window", "-d", "-t", "t", "-n", window, command);
        }
    }

    public void keys(String... keys) throws IOException, InterruptedException {
        keysTo("t", keys);
    }

    /** Keys to the window named {@code window}. */
    public void keysTo(String window, String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", target(window)));
        args.addAll(List.of(keys));
        run(args.toArray(new String[0]));
    }

    public String screen() throws IOException, InterruptedException {
        return screenOf("t");
    }

    /** The screen of the window named {@code window}. */
    public String screenOf(String window) throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", target(window));
    }

    /** The pid of the program the window runs (its command is exec'ed, so this is that program itself). */
    public long pid(String window) throws IOException, InterruptedException {
        return Long.parseLong(run("display-message", "-p", "-t", target(window), "#{pane_pid}").strip());
    }

    /** Waits until the window shows a match of {@code regex}; returns the screen, or fails with it. */
    public String waitFor(String window, String regex, Duration asked) throws IOException, InterruptedException {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
        return poll(() -> screenOf(window), "/" + regex + "/", asked.toNanos() / 1e9, s -> p.matcher(s).find());
    }

    private static String target(String window) {
        return window.equals("t") ? "t" : "t:" + window;
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
        return poll(this::screen, what, seconds, p);
    }

    private interface Screen {
        String read() throws IOException, InterruptedException;
    }

    private static String poll(Screen screen, String what, double seconds, Predicate<String> p)
            throws IOException, InterruptedException {
        // it returns as soon as the screen shows it, so the limit only has to outlast a loaded machine
        double within = Math.max(seconds, 30);
        long end = System.nanoTime() + (long) (within * 1e9);
        String s = "";
        while (System.nanoTime() < end) {
            s = screen.read();
            if (p.test(s)) return s;
            Thread.sleep(50);
        }
        throw new AssertionError("not within " + within + " s: " + what + "\n--- screen ---\n" + s);
    }

    public String run(String... args) throws IOException, InterruptedException {
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
