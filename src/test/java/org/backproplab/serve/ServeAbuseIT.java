package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.tui.TheJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar's {@code serve} against a scripted hostile client (paramiko, which asks for the
 * sign-in service again before every try, as MINA's and OpenSSH's clients never do).
 */
class ServeAbuseIT {
    private static final String JAR = TheJar.path();

    @TempDir
    Path dir;
    Process server;
    int port;
    Path script;

    @BeforeAll
    static void paramiko() throws Exception {
        Process p = new ProcessBuilder("python3", "-c", "import paramiko").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        boolean there = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        // CI installs it (.ci/run); only a machine without it (and not CI) may skip
        assumeTrue(there || System.getenv("CI") != null, "needs python3 with paramiko");
    }

    @BeforeEach
    void serve() throws Exception {
        script = dir.resolve("hostile_client.py");
        try (InputStream in = ServeAbuseIT.class.getResourceAsStream("hostile_client.py")) {
            Files.write(script, in.readAllBytes());
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        server = new ProcessBuilder("java", "-jar", JAR, "serve", "--port", "" + port, "--class-code", "abcdef",
                "--sign-in-time", "5s", "--host-key", dir.resolve("host-key").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("console").toFile()).start();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                break;
            } catch (IOException notYet) {
                assertThat(server.isAlive()).isTrue();
                assertThat(System.nanoTime()).as("server listening").isLessThan(end);
                Thread.sleep(50);
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    private String hostile(String mode, int seconds) throws Exception {
        Process p = new ProcessBuilder(List.of("python3", script.toString(), mode, "" + port, "" + seconds))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(seconds + 60L, TimeUnit.SECONDS)).isTrue();
        return out.strip().lines().reduce((a, b) -> b).orElse(out);
    }

    @Test
    void aConnectionThatKeepsAskingForTheSignInServiceIsStillClosedAtTheSignInTime() throws Exception {
        String result = hostile("stall", 30); // --sign-in-time 5s
        assertThat(result).startsWith("closed after ");
        double seconds = Double.parseDouble(result.replaceAll("[^0-9.]", ""));
        assertThat(seconds).as(result).isBetween(3.5, 20.0);
    }

    @Test
    void triesOverOneConnectionAreCountedAcrossServiceRequests() throws Exception {
        String result = hostile("tries", 20);
        assertThat(result).startsWith("tries ");
        int tries = Integer.parseInt(result.substring("tries ".length()));
        assertThat(tries).as("tries before the connection was closed").isLessThanOrEqualTo(ServeSettings.Limits.TRIES_PER_CONNECTION);
    }
}
