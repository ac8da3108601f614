package org.backproplab.serve;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.core.CoreModuleProperties;
import org.backproplab.serve.ClassServerTest.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class server behind a balancer, in-process: MINA's client sends the PROXY header a balancer
 * would (from 127.0.0.1, trusted unless a test says otherwise), so every learner can come "from"
 * an address of the test's choosing.
 */
class BalancedClassServerTest {
    private static final String CODE = "sesame";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The PROXY header the client's next connection begins with (null: none). */
    private static final AtomicReference<byte[]> NEXT_HEADER = new AtomicReference<>();

    static SshClient client;

    @TempDir
    Path dir;
    ClassServer server;

    @BeforeAll
    static void client() {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        CoreModuleProperties.REQUEST_EXEC_REPLY.set(client, true);
        client.setClientProxyConnector(session -> {
            byte[] header = NEXT_HEADER.get();
            if (header != null) {
                session.getIoSession().writeBuffer(new ByteArrayBuffer(header)); // before the client's version line
            }
        });
        client.start();
    }

    @AfterAll
    static void stopClient() {
        client.stop();
    }

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.stop();
        }
    }

    private static final class Limits {
        int maxPerAddress = 10;
        int maxSigningIn = 100;
        Duration signInTime = Duration.ofSeconds(60);
    }

    private void start(String trusted, Consumer<Limits> tweak) throws IOException {
        Limits l = new Limits();
        tweak.accept(l);
        ServeSettings.Limits limits = new ServeSettings.Limits(50, l.maxPerAddress, Duration.ofMinutes(30), l.maxSigningIn,
                l.signInTime, Duration.ofSeconds(10), Duration.ofSeconds(5), 3);
        Balancers balancers = Balancers.of(List.of(trusted), name -> {
            throw new java.net.UnknownHostException(name);
        });
        server = ClassServer.start(ServeSettings.loopback(0, dir.resolve("host-key"), new SignIn(CODE, null, false),
                limits, false, balancers), new EchoLabs());
    }

    /** Version 1, as a balancer writes it for a learner at {@code from} who reached 192.0.2.10:2222. */
    private static byte[] v1(String from) {
        return ("PROXY TCP4 " + from + " 192.0.2.10 40001 2222\r\n").getBytes(US_ASCII);
    }

    /** Version 2, TCP over IPv4, laid out as the spec's struct: a learner at 10.1.1.{last} to 192.0.2.10:2222. */
    private static byte[] v2(int last) {
        return new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x21, 0x11, 0x00, 0x0C,
            10, 1, 1, (byte) last, (byte) 192, 0, 2, 10, (byte) 0x9C, 0x41, 0x08, (byte) 0xAE};
    }

    /** The balancer's health check: version 2, LOCAL, no addresses. */
    private static final byte[] LOCAL = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x20, 0x00,
        0x00, 0x00};

    private ClientSession connect(String user, byte[] header) throws IOException {
        NEXT_HEADER.set(header);
        try {
            return client.connect(user, "127.0.0.1", server.port()).verify(WAIT).getSession();
        } finally {
            NEXT_HEADER.set(null);
        }
    }

    private ClientSession signIn(String user, byte[] header) throws IOException {
        ClientSession s = connect(user, header);
        s.addPasswordIdentity(CODE);
        s.auth().verify(WAIT);
        return s;
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(end);
            Thread.sleep(20);
        }
    }

    // ---- the learner's address, from the header ----

    @Test
    void aLearnerBehindTheBalancerIsSeenAtTheAddressInTheHeaderAndToldTheBalancersAddress() throws Exception {
        start("127.0.0.1", l -> { });
        try (ClientSession s = signIn("ada", v1("10.1.1.1"))) {
            ClassServerTest.shell(s, "xterm", 80, 24).waitFor("size 80x24");
            assertThat(server.sessions()).extracting(SessionRow::from).containsExactly("10.1.1.1");
            ClientChannel exec = s.createExecChannel("ls");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            exec.setOut(java.io.OutputStream.nullOutputStream());
            exec.setErr(err);
            exec.open().verify(WAIT);
            exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
            // the port and address the learner reached are the balancer's, from the header, not this server's
            assertThat(err.toString(UTF_8)).contains("connect with plain 'ssh -p 2222 ada@192.0.2.10'");
        }
        try (ClientSession s = signIn("bob", v2(2))) {
            ClassServerTest.shell(s, "xterm", 80, 24).waitFor("size 80x24");
            assertThat(server.sessions()).extracting(SessionRow::from).containsExactly("10.1.1.2");
        }
        assertThat(server.notices()).isEmpty();
    }

    @Test
    void thePerAddressCapCountsEachLearnersOwnAddressNotTheBalancers() throws Exception {
        start("127.0.0.1", l -> l.maxPerAddress = 1);
        try (ClientSession ada = signIn("ada", v2(1)); ClientSession bob = signIn("bob", v2(2))) {
            ClassServerTest.shell(ada, "xterm", 80, 24).waitFor("size 80x24");
            ClassServerTest.shell(bob, "xterm", 80, 24).waitFor("size 80x24"); // both from 127.0.0.1, to the server
            try (ClientSession again = signIn("ada2", v2(1))) {
                Shell refused = ClassServerTest.shell(again, "xterm", 80, 24);
                assertThat(refused.closedWithStatus()).isEqualTo(1);
                assertThat(refused.text()).startsWith("Server full for 10.1.1.1: all 1 places for one address are taken.");
            }
        }
    }

    @Test
    void wrongCodesFromOneLearnersAddressDoNotSlowAnother() throws Exception {
        start("127.0.0.1", l -> { });
        try (ClientSession mallory = connect("mallory", v2(66))) {
            mallory.addPasswordIdentity("guess");
            assertThatThrownBy(() -> mallory.auth().verify(WAIT)).isInstanceOf(IOException.class);
        }
        assertThat(server.failedSignIns()).isEqualTo(1);
        assertThat(server.signInWait(InetAddress.getByName("10.1.1.66"))).as("the guesser waits").isPositive();
        assertThat(server.signInWait(InetAddress.getByName("127.0.0.1"))).as("the balancer does not").isZero();
        try (ClientSession bob = signIn("bob", v2(2))) { // at once, through the same balancer
            ClassServerTest.shell(bob, "xterm", 80, 24).waitFor("size 80x24");
        }
    }

    // ---- who may send a header ----

    @Test
    void aHeaderFromAnAddressNotTrustedIsNeverBelievedAndAPlainConnectionFromItIsServed() throws Exception {
        start("10.9.9.9", l -> { });
        assertThatThrownBy(() -> {
            try (ClientSession s = connect("mallory", v1("10.1.1.1"))) {
                s.addPasswordIdentity(CODE);
                s.auth().verify(WAIT);
            }
        }).isInstanceOf(IOException.class);
        await("the refusal is noticed", () -> !server.notices().isEmpty());
        assertThat(server.notices()).singleElement().asString().matches("1 PROXY header from an address not trusted as"
                + " a balancer, not believed: closed; last \\d\\d:\\d\\d:\\d\\d from 127\\.0\\.0\\.1");
        try (ClientSession s = signIn("ada", null)) {
            ClassServerTest.shell(s, "xterm", 80, 24).waitFor("size 80x24");
            assertThat(server.sessions()).extracting(SessionRow::from).containsExactly("127.0.0.1");
        }
    }

    @Test
    void aConnectionFromTheBalancerWithoutAHeaderIsClosedAndSaidSoInOneLine() throws Exception {
        start("127.0.0.1", l -> { });
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> {
                try (ClientSession s = connect("ada", null)) {
                    s.addPasswordIdentity(CODE);
                    s.auth().verify(WAIT);
                }
            }).isInstanceOf(IOException.class);
        }
        await("three refusals counted", () -> server.notices().size() == 1 && server.notices().get(0).startsWith("3 "));
        assertThat(server.notices()).singleElement().asString().matches("3 connections from a balancer closed: no valid"
                + " PROXY header; last \\d\\d:\\d\\d:\\d\\d from 127\\.0\\.0\\.1: it began without one");
        assertThat(server.failedSignIns()).isZero();
    }

    @Test
    void anInvalidHeaderFromTheBalancerIsClosedWithItsReason() throws Exception {
        start("127.0.0.1", l -> { });
        byte[] version3 = v2(9);
        version3[12] = 0x31;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.getOutputStream().write(version3);
            s.setSoTimeout((int) WAIT.toMillis());
            assertThat(s.getInputStream().read()).as("closed, nothing said").isEqualTo(-1);
        }
        await("the refusal is noticed", () -> !server.notices().isEmpty());
        assertThat(server.notices()).singleElement().asString()
                .endsWith(" from 127.0.0.1: its binary header is of version 3, not 2");
    }

    @Test
    void theServerSaysNothingToTheBalancerBeforeItsHeader() throws Exception {
        start("127.0.0.1", l -> { });
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(1000);
            InputStream in = s.getInputStream();
            assertThatThrownBy(in::read).as("no version line before the header").isInstanceOf(SocketTimeoutException.class);
            s.getOutputStream().write(v2(5));
            s.setSoTimeout((int) WAIT.toMillis());
            byte[] version = in.readNBytes(8);
            assertThat(new String(version, US_ASCII)).isEqualTo("SSH-2.0-");
        }
    }

    @Test
    void aSilentConnectionFromTheBalancerIsClosedWhenItsHeaderTimeIsUp() throws Exception {
        start("127.0.0.1", l -> l.signInTime = Duration.ofSeconds(4)); // the header has half of it
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout((int) WAIT.toMillis());
            assertThat(s.getInputStream().read()).as("closed, nothing said").isEqualTo(-1);
        }
        assertThat(server.notices()).singleElement().asString().endsWith(" from 127.0.0.1: none came within 2 seconds");
        await("nothing left waiting", () -> server.signingIn() == 0);
    }

    // ---- bounds before the header, and health checks ----

    @Test
    void connectionsAwaitingTheirHeaderDoNotCountAgainstTheBalancersAddressButTheHeadersAddressDoes() throws Exception {
        start("127.0.0.1", l -> l.maxPerAddress = 2);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                sockets.add(new Socket(InetAddress.getLoopbackAddress(), server.port()));
            }
            await("four waiting for their header", () -> server.signingIn() == 4);
            assertThat(ClassServerTest.openAfter(sockets, Duration.ofSeconds(1))).as("all from 127.0.0.1, none closed")
                    .isEqualTo(4);
            for (Socket s : sockets) {
                s.getOutputStream().write(v2(7)); // all four from one learner's address: two of them too many
            }
            await("two made room", () -> server.signingIn() == 2);
            assertThat(ClassServerTest.openAfter(sockets, Duration.ofSeconds(1))).isEqualTo(2);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void atMostMaxSigningInWaitForTheirHeaderAndTheOldestMakesRoom() throws Exception {
        start("127.0.0.1", l -> l.maxSigningIn = 3);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                sockets.add(new Socket(InetAddress.getLoopbackAddress(), server.port()));
                int n = i + 1;
                await("connection " + n + " counted", () -> server.signingIn() == Math.min(n, 3));
            }
            sockets.get(0).setSoTimeout((int) WAIT.toMillis());
            assertThat(sockets.get(0).getInputStream().read()).as("the first one closed").isEqualTo(-1);
            assertThat(ClassServerTest.openAfter(sockets.subList(1, 4), Duration.ofMillis(200))).isEqualTo(3);
            assertThat(server.notices()).singleElement().asString()
                    .endsWith(" from 127.0.0.1: more than 3 waited for theirs at once");
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void healthChecksAreCountedQuietlyNeverAsFailedSignIns() throws Exception {
        start("127.0.0.1", l -> { });
        for (int i = 0; i < 3; i++) {
            try (Socket check = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                check.getOutputStream().write(LOCAL);
                check.setSoTimeout((int) WAIT.toMillis());
                assertThat(new String(check.getInputStream().readNBytes(8), US_ASCII)).isEqualTo("SSH-2.0-");
            }
        }
        await("three health checks", () -> server.healthChecks() == 3);
        // a relayed connection whose client has no IP address (PROXY, unspecified family) is no health check
        byte[] unspecified = LOCAL.clone();
        unspecified[12] = 0x21;
        try (Socket relayed = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            relayed.getOutputStream().write(unspecified);
            relayed.setSoTimeout((int) WAIT.toMillis());
            assertThat(new String(relayed.getInputStream().readNBytes(8), US_ASCII)).isEqualTo("SSH-2.0-");
        }
        assertThat(server.healthChecks()).isEqualTo(3); // counted, if at all, before the version line is sent
        await("none left waiting", () -> server.signingIn() == 0);
        assertThat(server.failedSignIns()).isZero();
        assertThat(server.notices()).isEmpty();
    }
}
