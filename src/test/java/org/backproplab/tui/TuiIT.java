package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real jar in a real terminal (tmux): keys, help, quitting, signals, and the terminal restored. */
class TuiIT {
    private static String java;
    private static String jar;

    @BeforeAll
    static void setUp() {
        Tmux.assumeInstalled();
        jar = TheJar.built();
        java = TheJar.java();
    }

    private String command(String args) {
        return "'" + java + "' -jar '" + jar + "' " + args;
    }

    @Test
    void keysWorkAndTheTerminalIsSaneAfterQ() throws Exception {
        try (Tmux t = new Tmux().start(100, 30, command(""))) {
            String first = t.await("first full frame", 15, s -> s.contains("epoch") && s.contains("q quit"));
            assertThat(Tmux.epoch(first)).isZero();
            assertThat(first).contains("Weights & biases", "Gradients", "Truth table: XOR", "Loss", "chain rule",
                    "paused");
            t.keys("n");
            t.await("n: one epoch", 5, s -> Tmux.epoch(s) == 1);
            t.keys("m");
            t.await("m: numeric", 5, s -> s.contains("method: numeric (forward)"));
            t.keys("Space");
            t.await("space: running", 5, s -> Tmux.epoch(s) > 5 && s.contains("running"));
            t.keys("Space");
            t.await("space: paused", 5, s -> s.contains("paused"));
            t.keys("?");
            t.await("?: help", 5, s -> s.contains("Keys in short") && s.contains("quit"));
            t.keys("Escape");
            t.await("Esc closes help", 5, s -> !s.contains("Keys in short"));
            t.keys("q");
            String after = t.awaitExit("q quits", 5);
            assertThat(after).contains("EXITED rc=0");
            assertThat(Tmux.terminalSane(after)).as("echo and icanon back on: %s", after).isTrue();
        }
    }

    @Test
    void ctrlCQuitsCleanly() throws Exception {
        try (Tmux t = new Tmux().start(80, 24, command(""))) {
            t.await("first full frame", 15, s -> s.contains("epoch") && s.contains("q quit"));
            t.keys("Space");
            t.keys("C-c");
            String after = t.awaitExit("Ctrl-C quits", 5);
            assertThat(after).contains("EXITED rc=0");
            assertThat(Tmux.terminalSane(after)).isTrue();
        }
    }

    @Test
    void sigtermRestoresTheTerminal() throws Exception {
        try (Tmux t = new Tmux().start(80, 24, command(""))) {
            t.await("first full frame", 15, s -> s.contains("epoch") && s.contains("q quit"));
            t.keys("Space");
            ProcessHandle javaProcess = ProcessHandle.of(t.panePid()).orElseThrow().children()
                    .filter(p -> p.info().command().orElse("").endsWith("java")).findFirst().orElseThrow();
            javaProcess.destroy(); // SIGTERM
            String after = t.awaitExit("SIGTERM ends it", 5);
            assertThat(after).contains("EXITED rc=143");
            assertThat(Tmux.terminalSane(after)).isTrue();
        }
    }

    /**
     * The lab sets the tty's modes itself: with Lanterna told not to catch special characters (a
     * system property that skips the hook the lab used to rely on), keys still arrive one by one,
     * Ctrl-C is still a key that quits in order, and the terminal comes back sane.
     */
    @Test
    void rawModeAndItsRestoreDoNotDependOnLanternasHooks() throws Exception {
        String cmd = "'" + java + "' -Dcom.googlecode.lanterna.terminal.UnixTerminal.catchSpecialCharacters=false"
                + " -jar '" + jar + "'";
        try (Tmux t = new Tmux().start(80, 24, cmd)) {
            t.await("first full frame", 15, s -> s.contains("epoch") && s.contains("q quit"));
            t.keys("n");
            t.await("n without Enter: one epoch", 5, s -> Tmux.epoch(s) == 1);
            t.keys("C-c");
            String after = t.awaitExit("Ctrl-C quits", 5);
            assertThat(after).contains("EXITED rc=0");
            assertThat(Tmux.terminalSane(after)).isTrue();
        }
    }

    /**
     * The mouse in a real terminal: reporting is on while the lab runs (tmux's mouse_any_flag), a
     * click sent as the terminal sends it (SGR) selects a row, and reporting is off after q; with
     * --no-mouse it is never on, so the terminal's own selection of text works.
     */
    @Test
    void theMouseIsOnOnlyWhileTheLabRunsAndAClickSelects() throws Exception {
        try (Tmux t = new Tmux().start(100, 30, command(""))) {
            String first = t.await("first full frame", 15, s -> s.contains("epoch") && s.contains("q quit"));
            assertThat(t.run("display", "-p", "-t", "t", "#{mouse_any_flag}").trim()).isEqualTo("1");
            String[] rows = first.split("\n");
            int row = 0;
            while (!rows[row].startsWith("x2→h2")) row++;
            String before = t.screenWithEscapes().split("\n")[row];
            t.run("send-keys", "-t", "t", "-l", "\u001b[<0;45;" + (row + 1) + "M");
            t.run("send-keys", "-t", "t", "-l", "\u001b[<0;45;" + (row + 1) + "m");
            int r = row;
            t.await("the clicked row is selected", 5, s -> {
                try {
                    return !t.screenWithEscapes().split("\n")[r].equals(before);
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(t.screenWithEscapes().split("\n")[row]).contains("\u001b[7m"); // reversed: the selection
            t.keys("q");
            String after = t.awaitExit("q", 5);
            assertThat(after).contains("EXITED rc=0");
            assertThat(t.run("display", "-p", "-t", "t", "#{mouse_any_flag}").trim()).isEqualTo("0");
        }
        try (Tmux t = new Tmux().start(100, 30, command("--no-mouse"))) {
            t.await("first full frame", 15, s -> s.contains("epoch") && s.contains("q quit"));
            assertThat(t.run("display", "-p", "-t", "t", "#{mouse_any_flag}").trim()).isEqualTo("0");
            t.keys("q");
            t.awaitExit("q", 5);
        }
    }

    /** Resized while it ran, the lab still gives the shell its screen back as it was: nothing of it stays. */
    @Test
    void quittingAfterAResizeLeavesTheShellsScreenAsItWas() throws Exception {
        int[][] sizes = {{120, 35}, {100, 30}, {60, 20}};
        for (int[] size : sizes) {
            try (Tmux t = new Tmux().start(80, 24, "echo BEFORE-THE-LAB; " + command(""))) {
                t.await("first full frame", 15, s -> s.contains("epoch") && s.contains("q quit"));
                t.resize(size[0], size[1]);
                t.await("redrawn at the new size", 5, s -> s.lines().count() >= size[1] - 1
                        && (size[0] < 80 ? s.contains("too small") : s.contains("q quit")));
                t.keys("q");
                String after = t.await("q", 5, s -> s.contains("EXITED rc=0"));
                String all = t.screenAndHistory();
                assertThat(after).as("at %dx%d", size[0], size[1]).contains("BEFORE-THE-LAB");
                assertThat(all).as("at %dx%d", size[0], size[1])
                        .doesNotContain("Weights", "Gradients", "Truth table", "space run", "too small", "│");
            }
        }
    }

    @Test
    void noColourAndAsciiInARealTerminal() throws Exception {
        try (Tmux t = new Tmux().start(80, 24, "NO_COLOR=1 " + command("--ascii"))) {
            t.await("first full frame", 15, s -> s.contains("epoch") && s.contains("q quit"));
            t.keys("n", "n");
            String s = t.await("two epochs", 5, x -> Tmux.epoch(x) == 2);
            assertThat(s.chars().allMatch(c -> c == '\n' || (c >= 32 && c < 127))).as("ASCII only").isTrue();
            String escapes = t.screenWithEscapes();
            assertThat(escapes).doesNotContainPattern("\u001b\\[[0-9;]*3[1-6](;[0-9;]*)?m");
            assertThat(s).contains("x no", "learned?", "learned: within 0.1 of target "); // epoch 2: none learned yet; y^ would touch the rule
            t.keys("q");
            t.await("q", 5, x -> x.contains("EXITED rc=0"));
        }
    }

    @Test
    void withoutATerminalItExitsWithAHint() throws Exception {
        Process p = new ProcessBuilder(java, "-jar", jar).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out).contains("needs a terminal", "train").doesNotContain("Exception");
        assertThat(out.strip().lines().count()).isEqualTo(1);
    }

    @Test
    void resizeBelowTheMinimumAndBack() throws Exception {
        try (Tmux t = new Tmux().start(100, 30, command(""))) {
            t.await("first full frame", 15, s -> s.contains("epoch") && s.contains("q quit"));
            t.keys("Space");
            t.run("resize-window", "-t", "t", "-x", "40", "-y", "12");
            t.await("too small", 5, s -> s.contains("terminal too small"));
            t.run("resize-window", "-t", "t", "-x", "100", "-y", "30");
            t.await("back", 5, s -> s.contains("epoch") && !s.contains("too small"));
            t.keys("q");
            String after = t.awaitExit("q", 5);
            assertThat(after).contains("EXITED rc=0");
            assertThat(Tmux.terminalSane(after)).isTrue();
        }
    }

    static boolean exists(String path) {
        return Files.isExecutable(Path.of(path));
    }
}
