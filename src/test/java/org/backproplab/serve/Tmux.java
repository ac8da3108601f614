package org.backproplab.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A private tmux server for driving a real terminal program (here: OpenSSH's client). */
final class Tmux implements AutoCloseable {
    private boolean started;
    private final String socket = "blab-serve-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    static boolean available(String... tools) {
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

    String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** A new window running {@code command} in a shell, {@code cols}×{@code rows}. */
    void open(String window, int cols, int rows, String command) throws IOException, InterruptedException {
        if (!started) {
            started = true;
            run("new-session", "-d", "-s", "t", "-n", window, "-x", "" + cols, "-y", "" + rows, command);
        } else {
            run("new-window", "-d", "-t", "t", "-n", window, command);
        }
    }

    String screen(String window) throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", "t:" + window);
    }

    void keys(String window, String... keys) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of("send-keys", "-t", "t:" + window));
        a.addAll(List.of(keys));
        run(a.toArray(String[]::new));
    }

    /** The pid of the program the window runs (its command is exec'ed, so this is ssh itself). */
    long pid(String window) throws IOException, InterruptedException {
        return Long.parseLong(run("display-message", "-p", "-t", "t:" + window, "#{pane_pid}").strip());
    }

    /** Waits until the window shows a match of {@code regex}; returns the screen, or fails with it. */
    String waitFor(String window, String regex, Duration asked) throws IOException, InterruptedException {
        // it returns as soon as the text shows, so the limit only has to outlast a loaded machine
        Duration within = asked.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : asked;
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
        long end = System.nanoTime() + within.toNanos();
        String s = "";
        while (System.nanoTime() < end) {
            s = screen(window);
            if (p.matcher(s).find()) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no /" + regex + "/ within " + within + " on screen:\n" + s);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("kill-server");
    }
}
