package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.backproplab.tui.TheJar;
import org.backproplab.tui.Tmux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The teacher's console as the teacher sees it: the real jar's {@code serve} in an 80-column tmux
 * pane. tmux's {@code capture-pane -J} joins the lines the terminal itself wrapped, so a line
 * longer than 80 columns shows there as one line: none may.
 */
class ServeConsoleIT {
    private static final String JAR = TheJar.path();
    private static final String SSH_OPTS = "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null"
            + " -o LogLevel=ERROR -o PubkeyAuthentication=no";
    /** 39 characters: with its address, epoch, loss and state too wide for every column at 80. */
    private static final String LONG_NAME = "a-very-long-learner-name-from-row-three";

    @TempDir
    Path dir;
    Tmux tmux;

    @BeforeAll
    static void tools() {
        // CI installs them; only a machine without them (and not CI) may skip
        assumeTrue(Tmux.available("tmux", "ssh", "ssh-keygen") || System.getenv("CI") != null,
                "needs tmux and OpenSSH's ssh and ssh-keygen");
    }

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) {
            tmux.close(); // the server and the learner's ssh go with their panes
        }
    }

    @Test
    void at80ColumnsEveryLineFitsBrokenBetweenWordsWithTheFingerprintWholeOnItsOwnLine() throws Exception {
        int port = freePort();
        Path key = dir.resolve("host-key");
        tmux = new Tmux();
        tmux.open("console", 80, 24, "exec java -jar " + JAR + " serve --open --port " + port + " --host-key " + key);
        tmux.waitFor("console", "0 learners", java.time.Duration.ofSeconds(30)); // listening
        tmux.open("learner", 100, 30, "ssh " + SSH_OPTS + " -p " + port + " -tt " + LONG_NAME + "@127.0.0.1");
        String screen = awaitJoined(s -> s.contains("1 learner") && s.contains(LONG_NAME) && s.contains("paused"));

        assertThat(screen.lines()).as("no line wider than the terminal:\n%s", screen)
                .allSatisfy(l -> assertThat(l.stripTrailing().length()).isLessThanOrEqualTo(80));
        String fingerprint = sshKeygenFingerprint(key);
        assertThat(screen.lines().map(String::strip)).as("the fingerprint alone on a line:\n%s", screen)
                .contains(fingerprint);
        assertThat(unbroken(screen)).as("continuation lines joined back:\n%s", screen)
                .contains("  limits:         50 places, 20 per address; sign in within 1 min (100 signing in at most);"
                        + " idle labs end after 30 min");
        assertThat(screen.lines().filter(l -> l.startsWith(LONG_NAME)))
                .as("the learner's row whole on one line:\n%s", screen)
                .singleElement().asString().matches(LONG_NAME + " +127\\.0\\.0\\.1 +0 +\\d\\.\\d{4} +paused");
    }

    @Test
    void behindABalancerTheHeaderFits80ColumnsToo() throws Exception {
        int port = freePort();
        tmux = new Tmux();
        tmux.open("console", 80, 24, "exec java -jar " + JAR + " serve --class-code sesame --proxy-protocol-from"
                + " 127.0.0.1 --port " + port + " --host-key " + dir.resolve("host-key"));
        String screen = awaitJoined(s -> s.contains("0 learners") && s.contains("(no one yet)"));
        assertThat(screen.lines()).as("no line wider than the terminal:\n%s", screen)
                .allSatisfy(l -> assertThat(l.stripTrailing().length()).isLessThanOrEqualTo(80));
        assertThat(unbroken(screen))
                .contains("  learners type:  ssh -p PORT NAME@ADDRESS of the balancer (this server, behind it: 127.0.0.1:"
                        + port + ")")
                .contains("  balancer:       PROXY protocol from 127.0.0.1 (learners are shown at their own addresses)");
    }

    /**
     * Polls the console's pane, joined where the terminal wrapped, until {@code ready} holds for a
     * capture; returns that capture (each is a whole redraw or fails {@code ready}).
     */
    private String awaitJoined(Predicate<String> ready) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String s = "";
        while (System.nanoTime() < end) {
            s = tmux.run("capture-pane", "-p", "-J", "-t", "t:console");
            if (ready.test(s)) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the console never showed what was awaited:\n" + s);
    }

    /** The screen with each indented continuation line put back after the line it continues. */
    private static String unbroken(String screen) {
        List<String> lines = new ArrayList<>();
        for (String l : screen.lines().map(String::stripTrailing).toList()) {
            boolean continues = l.startsWith("                  ") && !lines.isEmpty()
                    && !l.strip().startsWith("SHA256:");
            if (continues) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + l.strip());
            } else {
                lines.add(l);
            }
        }
        return String.join("\n", lines);
    }

    /** OpenSSH's own fingerprint of the host key: its public half by ssh-keygen -y, then -l. */
    private String sshKeygenFingerprint(Path key) throws Exception {
        Path pub = dir.resolve("host-key.pub");
        Files.writeString(pub, run("ssh-keygen", "-y", "-f", key.toString()));
        String listed = run("ssh-keygen", "-l", "-f", pub.toString()); // "256 SHA256:... comment (ECDSA)"
        return listed.split(" ")[1];
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", cmd), out).isZero();
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
