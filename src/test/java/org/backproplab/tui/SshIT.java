package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab over a real SSH connection: OpenSSH's sshd on 127.0.0.1 with a throwaway host key and
 * client key, run as the current user; the stock ssh client in tmux.
 */
class SshIT {
    private static Path dir;
    private static Process sshd;
    private static int port;
    private static String java;
    private static String jar;

    @BeforeAll
    static void startSshd() throws Exception {
        Tmux.assumeInstalled();
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "openssh-server is not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh")) || onPath("ssh"), "the ssh client is not installed");
        jar = TheJar.built();
        java = TheJar.java();
        dir = Files.createTempDirectory("blab-sshd");
        exec("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host").toString());
        exec("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("user").toString());
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("user.pub"),
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "StrictModes no",
                "UsePAM no",
                ""));
        if ("root".equals(System.getProperty("user.name"))) {
            Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory, needed as root
        }
        sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("sshd did not listen: " + Files.readString(dir.resolve("sshd.log")));
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.destroy();
            sshd.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
    }

    private String ssh(String remoteArgs) {
        return "ssh -tt -p " + port + " -i '" + dir.resolve("user") + "' -o StrictHostKeyChecking=no"
                + " -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR " + System.getProperty("user.name")
                + "@127.0.0.1 \"LANG=C.UTF-8 '" + java + "' -jar '" + jar + "' " + remoteArgs + "\"";
    }

    /** The lab's java processes started through sshd, found by a marker seed on their command line. */
    private static List<ProcessHandle> remoteLabs(long marker) {
        return ProcessHandle.allProcesses().filter(p -> {
            String cmd = p.info().commandLine().orElse("");
            return cmd.contains("--seed " + marker) && cmd.contains("-jar") && !cmd.contains("ssh ")
                    && !cmd.startsWith("sh ") && !cmd.contains("sleep");
        }).toList();
    }

    @Test
    void looksAndBehavesAsLocally() throws Exception {
        long marker = 1_000_000 + (System.nanoTime() & 0xFFFFF);
        try (Tmux t = new Tmux().start(100, 30, ssh("--seed " + marker))) {
            String first = t.await("first full frame over SSH", 20, s -> s.contains("epoch") && s.contains("q quit"));
            assertThat(Tmux.epoch(first)).isZero();
            assertThat(first).contains("Weights & biases", "Gradients", "Truth table: XOR", "seed " + marker, "→");
            t.keys("n");
            t.await("n over SSH", 5, s -> Tmux.epoch(s) == 1);
            t.keys("m");
            t.await("m over SSH", 5, s -> s.contains("numeric (forward)"));
            t.keys("?");
            t.await("help over SSH", 5, s -> s.contains("Keys in short"));
            t.keys("q");
            String after = t.awaitExit("q over SSH", 8);
            assertThat(after).contains("EXITED rc=0");
            assertThat(Tmux.terminalSane(after)).isTrue();
        }
        assertThat(remoteLabs(marker)).isEmpty();
    }

    @Test
    void aDroppedConnectionEndsTheRemoteLab() throws Exception {
        long marker = 2_000_000 + (System.nanoTime() & 0xFFFFF);
        try (Tmux t = new Tmux().start(100, 30, ssh("--seed " + marker))) {
            t.await("first full frame over SSH", 20, s -> s.contains("epoch") && s.contains("q quit"));
            t.keys("+", "+", "+", "+", "+", "+", "+", "+", "+", "+", "+", "Space"); // running at max speed
            t.await("running", 5, s -> s.contains("running"));
            assertThat(remoteLabs(marker)).isNotEmpty();
            ProcessHandle client = ProcessHandle.of(t.panePid()).orElseThrow().descendants()
                    .filter(p -> p.info().command().orElse("").endsWith("/ssh")).findFirst().orElseThrow();
            new ProcessBuilder("kill", "-9", Long.toString(client.pid())).start().waitFor();
            long end = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < end && !remoteLabs(marker).isEmpty()) {
                Thread.sleep(100);
            }
            List<ProcessHandle> left = remoteLabs(marker);
            left.forEach(ProcessHandle::destroyForcibly);
            assertThat(left).as("the lab still runs 5 s after the SSH client died").isEmpty();
        }
    }
}
