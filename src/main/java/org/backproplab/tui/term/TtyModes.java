package org.backproplab.tui.term;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The controlling terminal's line settings, through {@code stty} on {@code /dev/tty}: saved once,
 * switched to what the lab needs in one call, and put back exactly once, however the lab ends (a
 * key, a signal, an exception, the JVM shutting down). The lab owns this rather than leaving it to
 * the order in which Lanterna calls its own tty hooks, which changes with a system property.
 */
final class TtyModes {
    private static final File TTY = new File("/dev/tty");
    private final String saved;
    private final Thread onShutdown = new Thread(this::restoreQuietly, "tty restore");
    private boolean restored;

    private TtyModes(String saved) {
        this.saved = saved;
    }

    /** Saves the terminal's settings ({@code stty -g}) and promises to put them back at shutdown. */
    static TtyModes save() throws IOException {
        TtyModes t = new TtyModes(stty("-g").trim());
        Runtime.getRuntime().addShutdownHook(t.onShutdown);
        return t;
    }

    /**
     * Keys one by one, not echoed, and Ctrl-C and Ctrl-Z as keys (the lab quits in order rather
     * than being killed half-drawn, and a suspended lab would come back stuck in line mode).
     */
    void raw() throws IOException {
        stty("-icanon", "min", "1", "-echo", "intr", "undef", "susp", "undef");
    }

    /** The settings saved, put back; later calls do nothing. */
    synchronized void restore() throws IOException {
        if (restored) return;
        restored = true;
        stty(saved);
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // this is the shutdown hook itself, or another one: nothing to remove
        }
    }

    private void restoreQuietly() {
        try {
            restore();
        } catch (IOException e) {
            // no terminal left to restore (hung up)
        }
    }

    /** "rows cols" as {@code stty size} says. */
    static String size() throws IOException {
        return stty("size");
    }

    private static String stty(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (InputStream out = p.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("stty " + String.join(" ", args) + " failed");
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running stty", e);
        }
    }
}
