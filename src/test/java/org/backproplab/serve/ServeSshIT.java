package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backproplab.tui.TheJar;
import org.backproplab.tui.Tmux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar's {@code serve} with the real OpenSSH client in tmux. */
class ServeSshIT {
    private static final String JAR = TheJar.path();
    private static final String SSH_OPTS = "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null"
            + " -o LogLevel=ERROR -o PubkeyAuthentication=no";

    @TempDir
    Path dir;
    Process server;
    Path log;
    int port;
    Tmux tmux;

    @BeforeAll
    static void tools() {
        // CI installs both; only a machine without them (and not CI) may skip
        assumeTrue(Tmux.available("tmux", "ssh") || System.getenv("CI") != null, "needs tmux and OpenSSH's ssh");
    }

    private void serve(String... options) throws Exception {
        serve(Map.of(), List.of(), options);
    }

    /** Starts the jar's server with these environment variables and JVM options added. */
    private void serve(Map<String, String> env, List<String> jvm, String... options) throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        log = dir.resolve("console.log");
        List<String> cmd = new ArrayList<>(List.of("java"));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", JAR, "serve", "--port", "" + port));
        if (!List.of(options).contains("--host-key")) {
            cmd.addAll(List.of("--host-key", dir.resolve("host-key").toString()));
        }
        cmd.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        server = pb.start();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                break;
            } catch (IOException notYet) {
                assertThat(server.isAlive()).as("server running: %s", console()).isTrue();
                assertThat(System.nanoTime()).as("server listening").isLessThan(end);
                Thread.sleep(50);
            }
        }
        tmux = new Tmux();
    }

    private String console() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private String ssh(String user, String extra) {
        return "ssh " + SSH_OPTS + " -p " + port + " " + extra + " " + user + "@127.0.0.1";
    }

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void aLearnerGetsALabThatStepsResizesAndQuitsWithExit0() throws Exception {
        serve("--open");
        awaitConsole("learners type:  ssh -p " + port + " NAME@127.0.0.1");
        // the header comes line by line: wait for the line read, not for one before it
        awaitConsoleMatch("host key: +ecdsa-sha2-nistp\\d+ .*\n +SHA256:[A-Za-z0-9+/]{43}\n"); // the fingerprint on a line of its own
        tmux.open("a", 100, 30, ssh("ada", "-tt") + "; echo EXITED rc=$?; stty -a; echo STTY-DONE; sleep 30");
        tmux.waitFor("a", "epoch 0", Duration.ofSeconds(15));
        tmux.keysTo("a", "n");
        tmux.waitFor("a", "epoch 1\\b", Duration.ofSeconds(5));
        tmux.run("resize-window", "-t", "t:a", "-x", "70", "-y", "24");
        tmux.waitFor("a", "have 70.24", Duration.ofSeconds(5)); // the lab's own "too small" screen
        tmux.run("resize-window", "-t", "t:a", "-x", "90", "-y", "26");
        String back = tmux.waitFor("a", "epoch 1\\b", Duration.ofSeconds(5));
        assertThat(back).doesNotContain("too small");
        tmux.keysTo("a", "q");
        String after = tmux.waitFor("a", "STTY-DONE", Duration.ofSeconds(8)); // stty's line is printed after the exit code
        assertThat(after).contains("EXITED rc=0").containsPattern("(^|\\s)echo(\\s|$)").containsPattern("(^|\\s)icanon(\\s|$)");
    }

    @Test
    void theClassCodeIsAskedForAtAPrompt() throws Exception {
        serve("--class-code", "sesame");
        awaitConsole("class code sesame");
        tmux.open("a", 100, 30, ssh("ada", "") + "; echo EXITED rc=$?; sleep 30");
        tmux.waitFor("a", "Class code:", Duration.ofSeconds(15));
        tmux.keysTo("a", "wrong", "Enter");
        tmux.waitFor("a", "Wrong class code, try again\\. Class code:", Duration.ofSeconds(5));
        Thread.sleep(1100); // a miss makes this address wait 1 s before the next try counts
        tmux.keysTo("a", "sesame", "Enter");
        tmux.waitFor("a", "epoch 0", Duration.ofSeconds(15));
        awaitConsole("failed sign-ins: 1"); // the console's table is redrawn on its own beat
        tmux.keysTo("a", "q");
        tmux.waitFor("a", "EXITED rc=0", Duration.ofSeconds(8));
    }

    @Test
    void anEd25519KeyFromTheAuthorizedKeysFileSignsIn() throws Exception {
        Path key = dir.resolve("id_ed25519");
        Process gen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .redirectErrorStream(true).start();
        gen.getInputStream().readAllBytes();
        assertThat(gen.waitFor(20, TimeUnit.SECONDS)).isTrue();
        Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        serve("--authorized-keys", dir.resolve("authorized_keys").toString());
        String withKey = "ssh " + SSH_OPTS.replace("PubkeyAuthentication=no", "PubkeyAuthentication=yes")
                + " -o BatchMode=yes -o IdentitiesOnly=yes -i " + key + " -p " + port + " -tt ada@127.0.0.1";
        tmux.open("a", 100, 30, withKey + "; echo EXITED rc=$?; sleep 30");
        tmux.waitFor("a", "epoch 0", Duration.ofSeconds(15));
        tmux.keysTo("a", "q");
        tmux.waitFor("a", "EXITED rc=0", Duration.ofSeconds(8));
    }

    @Test
    void commandsFileTransferAndNoTerminalAreRefused() throws Exception {
        serve("--open");
        ProcessBuilder exec = new ProcessBuilder(("ssh " + SSH_OPTS + " -p " + port + " ada@127.0.0.1 ls").split(" "))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = exec.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("exec refused: %s", out).isNotZero();
        assertThat(out).doesNotContain("bin");

        Process sftp = new ProcessBuilder("sftp", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-P", "" + port, "ada@127.0.0.1").redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        sftp.getInputStream().readAllBytes();
        assertThat(sftp.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(sftp.exitValue()).isNotZero();

        tmux.open("t", 100, 30, ssh("ada", "-T") + "; echo EXITED rc=$?; sleep 30");
        String s = tmux.waitFor("t", "EXITED rc=", Duration.ofSeconds(15));
        assertThat(s).contains("Backprop Lab needs a terminal: connect with plain 'ssh -p " + port + " ada@127.0.0.1',")
                .contains("EXITED rc=1");
    }

    @Test
    void aCommandGetsOneLineThatSaysHowToConnect() throws Exception {
        serve("--open");
        Process p = new ProcessBuilder(("ssh " + SSH_OPTS + " -p " + port + " ada@127.0.0.1 ls").split(" "))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out.strip()).isEqualTo("Backprop Lab gives each learner a lab, not a shell or commands: connect with"
                + " plain 'ssh -p " + port + " ada@127.0.0.1', without a command.");
    }

    @Test
    void inASharedLabTheNextLearnerDrivesWhenTheDriverLeavesAndWatchersAreNotOfferedTheRunKeys() throws Exception {
        serve("--open", "--shared");
        tmux.open("a", 100, 30, ssh("ada", "-tt") + "; echo EXITED rc=$?; sleep 30");
        tmux.waitFor("a", "Shared lab, you drive", Duration.ofSeconds(15));
        tmux.open("b", 100, 30, ssh("bob", "-tt") + "; echo EXITED rc=$?; sleep 30");
        String watching = tmux.waitFor("b", "Shared lab, ada drives", Duration.ofSeconds(15));
        String footer = watching.strip().lines().reduce((x, y) -> y).orElseThrow();
        assertThat(footer).contains("q quit").doesNotContain("run/pause", "step", "method");
        tmux.keysTo("a", "q");
        tmux.waitFor("a", "EXITED rc=0", Duration.ofSeconds(8));
        String driving = tmux.waitFor("b", "Shared lab, you drive", Duration.ofSeconds(8));
        assertThat(driving).contains("space run/pause");
        tmux.keysTo("b", "n");
        tmux.waitFor("b", "epoch 1\\b", Duration.ofSeconds(5));
        awaitConsole("1 learner: bob@127.0.0.1");
    }

    @Test
    void aLearnersNameReachesTheTeachersConsoleAsTextOnly() throws Exception {
        serve("--open");
        awaitConsole("0 learners");
        org.apache.sshd.client.SshClient client = org.apache.sshd.client.SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try (org.apache.sshd.client.session.ClientSession s = client.connect("\u001b]2;PWNED\u0007", "127.0.0.1", port)
                .verify(Duration.ofSeconds(10)).getSession()) {
            s.auth().verify(Duration.ofSeconds(10));
            org.apache.sshd.client.channel.ChannelShell ch = s.createShellChannel();
            ch.setPtyType("xterm");
            ch.setOut(java.io.OutputStream.nullOutputStream());
            ch.open().verify(Duration.ofSeconds(10));
            awaitConsole("1 learner: \\x1b]2;PWNED\\x07@127.0.0.1");
        } finally {
            client.stop();
        }
        assertThat(console()).doesNotContain("\u001b]", "\u0007");
    }

    @Test
    void openIsRefusedForANameThatStandsForAnAddressBeyondLoopbackToo() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 classbox\n10.1.2.3 classbox\n127.0.0.1 onlyhere\n::1 onlyhere\n");
        String hostsFile = "-Djdk.net.hosts.file=" + hosts;
        Process p = new ProcessBuilder("java", hostsFile, "-jar", JAR, "serve", "--open", "--bind", "classbox",
                "--host-key", dir.resolve("host-key").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out.strip()).isEqualTo("backprop-lab serve: --open (no sign-in) is allowed only on a loopback address"
                + " such as 127.0.0.1, not classbox (it stands for 10.1.2.3 too) (see 'backprop-lab serve --help')");
        serve(Map.of(), List.of(hostsFile), "--open", "--bind", "onlyhere"); // 127.0.0.1 and ::1: both loopback
        awaitConsole("learners type:  ssh -p " + port + " NAME@onlyhere");
    }

    @Test
    void theClassCodeMayComeFromTheEnvironmentOrAFileAndIsNotInTheCommandLine() throws Exception {
        serve(Map.of("BACKPROP_LAB_CLASS_CODE", "sesame"), List.of());
        awaitConsole("class code sesame");
        assertThat(String.join(" ", server.info().arguments().orElse(new String[0]))).doesNotContain("sesame");
        assertThat(signsIn("sesame")).isTrue();
        stop();
        Path file = dir.resolve("code");
        Files.writeString(file, "  k7m2qzpx \nnot this line\n");
        serve("--class-code-file", file.toString());
        awaitConsole("class code k7m2qzpx");
        assertThat(signsIn("k7m2qzpx")).isTrue();
        stop();
        serve("--code-length", "10");
        awaitConsoleMatch("class code [a-km-np-z2-9]{10} ");
    }

    /** Whether MINA's client signs in with this code as the password. */
    private boolean signsIn(String code) throws IOException {
        org.apache.sshd.client.SshClient client = org.apache.sshd.client.SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try (org.apache.sshd.client.session.ClientSession s = client.connect("ada", "127.0.0.1", port)
                .verify(Duration.ofSeconds(10)).getSession()) {
            s.addPasswordIdentity(code);
            s.auth().verify(Duration.ofSeconds(10));
            return true;
        } catch (IOException refused) {
            return false;
        } finally {
            client.stop();
        }
    }

    @Test
    void theHostKeyIsTheOwnersAloneAndSoIsAFolderMadeForIt() throws Exception {
        Path key = dir.resolve("made").resolve("for-it").resolve("host-key");
        serve("--open", "--host-key", key.toString());
        awaitConsole("host key:");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        for (Path folder : List.of(key.getParent(), key.getParent().getParent())) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                    .as("%s", folder).isEqualTo("rwx------");
        }
    }

    @Test
    void aKilledClientFreesItsLabAndStoppingTheServerRestoresTheOthers() throws Exception {
        serve("--open");
        tmux.open("a", 100, 30, "exec " + ssh("ada", "-tt"));
        tmux.open("b", 100, 30, ssh("bob", "-tt") + "; echo EXITED rc=$?; stty -a; echo STTY-DONE; sleep 30");
        tmux.waitFor("a", "epoch 0", Duration.ofSeconds(15));
        tmux.waitFor("b", "epoch 0", Duration.ofSeconds(15));
        awaitConsole("2 learners");
        ProcessHandle.of(tmux.pid("a")).orElseThrow().destroyForcibly(); // the learner's ssh is killed
        awaitConsole("1 learner: bob@127.0.0.1");

        server.destroy(); // SIGTERM: the teacher ends the class
        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String b = tmux.waitFor("b", "STTY-DONE", Duration.ofSeconds(5));
        assertThat(b).contains("EXITED rc=1").contains("The class is over: the teacher stopped the server.")
                .containsPattern("(^|\\s)echo(\\s|$)").containsPattern("(^|\\s)icanon(\\s|$)");
    }

    /** An open class with two learners, ada in pane a and bob in pane b, each at their lab's first frame. */
    private void twoLearnersInAnOpenClass() throws Exception {
        serve("--open");
        tmux.open("a", 100, 30, ssh("ada", "-tt"));
        tmux.open("b", 100, 30, ssh("bob", "-tt"));
        tmux.waitFor("a", "epoch 0", Duration.ofSeconds(15));
        tmux.waitFor("b", "epoch 0", Duration.ofSeconds(15));
    }

    /**
     * Over SSH a bug hunt and an ε study work as in a local lab, and one learner's hunt never
     * reaches another's lab; a teacher's --planted-bug starts every lab with it.
     */
    @Test
    void aBugHuntAndAnEpsilonStudyStayInTheirOwnLab() throws Exception {
        twoLearnersInAnOpenClass();
        tmux.keysTo("a", "b");
        String ada = tmux.waitFor("a", "a bug is planted", Duration.ofSeconds(5));
        assertThat(ada.lines().findFirst().orElseThrow()).contains("a bug is planted"); // in the status line
        tmux.keysTo("b", "E");
        tmux.waitFor("b", "best ε(.|\\n)*guide's ε 1e-4", Duration.ofSeconds(10));
        assertThat(tmux.screenOf("b")).doesNotContain("a bug is planted");
        tmux.keysTo("b", "Escape"); // alone: Esc and a key right after it arrive as Alt+key
        tmux.waitFor("b", "Weights & biases", Duration.ofSeconds(5));
        tmux.keysTo("b", "n");
        String bob = tmux.waitFor("b", "epoch 1\\b", Duration.ofSeconds(5));
        assertThat(bob).doesNotContain("a bug is planted").doesNotContain("BAD");
        tmux.keysTo("a", "B");
        tmux.waitFor("a", "You gave up: it was", Duration.ofSeconds(5));
        tmux.keysTo("a", "q");
        tmux.keysTo("b", "q");
    }

    /**
     * Over SSH the network view and a traced epoch work as in a local lab, and one learner's trace
     * (which pauses their lab) neither pauses nor shows in another's; the mouse is on in a lab
     * over SSH too, and a click selects a row.
     */
    @Test
    void aTraceStaysInItsOwnLabAndTheMouseWorksOverSsh() throws Exception {
        twoLearnersInAnOpenClass();
        tmux.keysTo("a", "v");
        tmux.waitFor("a", "The network 2-2-1", Duration.ofSeconds(10));
        tmux.keysTo("a", "t");
        tmux.waitFor("a", "Trace, chain rule: step 1 of", Duration.ofSeconds(10));
        tmux.keysTo("a", "n");
        tmux.keysTo("a", "n");
        tmux.waitFor("a", "Trace, chain rule: step 3 of", Duration.ofSeconds(10));
        tmux.keysTo("b", "space"); // bob runs his own lab while ada's is paused in her trace
        String bob = tmux.waitFor("b", "epoch [1-9][0-9,]* · running", Duration.ofSeconds(15));
        assertThat(bob).doesNotContain("Trace").doesNotContain("The network");
        assertThat(tmux.screenOf("a")).contains("Trace, chain rule: step 3 of");
        tmux.keysTo("a", "Escape"); // leaves the trace: the epoch completes as traced
        tmux.waitFor("a", "epoch 1\\b", Duration.ofSeconds(10));
        tmux.keysTo("a", "Escape");
        String lab = tmux.waitFor("a", "Weights & biases", Duration.ofSeconds(10));

        assertThat(tmux.run("display", "-p", "-t", "t:a", "#{mouse_any_flag}").trim()).isEqualTo("1");
        String[] rows = lab.split("\n");
        int row = 0;
        while (!rows[row].startsWith("x2→h2")) row++;
        String before = tmux.run("capture-pane", "-p", "-e", "-t", "t:a").split("\n")[row];
        assertThat(before).doesNotContain("\u001b[7m");
        tmux.run("send-keys", "-t", "t:a", "-l", "\u001b[<0;45;" + (row + 1) + "M");
        tmux.run("send-keys", "-t", "t:a", "-l", "\u001b[<0;45;" + (row + 1) + "m");
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String after = before;
        while (!after.contains("\u001b[7m") && System.nanoTime() < end) {
            Thread.sleep(50);
            after = tmux.run("capture-pane", "-p", "-e", "-t", "t:a").split("\n")[row];
        }
        assertThat(after).as("the clicked row, reversed: the selection").contains("\u001b[7m");
        tmux.keysTo("a", "q");
        tmux.keysTo("b", "q");
    }

    @Test
    void aTeachersPlantedBugStartsEveryLabWithIt() throws Exception {
        serve("--open", "--planted-bug", "one-row-bias");
        tmux.open("a", 100, 30, ssh("ada", "-tt"));
        String a = tmux.waitFor("a", "epoch 0", Duration.ofSeconds(15));
        assertThat(a.lines().findFirst().orElseThrow()).contains("a bug is planted");
        assertThat(a).doesNotContain("one-row-bias");
        tmux.keysTo("a", "q");
    }

    /** Waits until the console shows a match of {@code regex} (a failure says what it showed). */
    private void awaitConsoleMatch(String regex) throws Exception {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!p.matcher(console()).find()) {
            assertThat(System.nanoTime()).as("console shows /%s/:\n%s", regex, console()).isLessThan(end);
            Thread.sleep(50);
        }
    }

    private void awaitConsole(String text) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!console().contains(text)) {
            assertThat(System.nanoTime()).as("console shows '%s':\n%s", text, console()).isLessThan(end);
            Thread.sleep(50);
        }
    }
}
