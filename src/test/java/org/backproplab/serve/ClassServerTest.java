package org.backproplab.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class server in-process, driven by MINA's own SSH client, with a stand-in lab. */
class ClassServerTest {
    private static final String CODE = "sesame";
    private static final Duration WAIT = Duration.ofSeconds(10);

    static SshClient client;
    static KeyPair learnerKey;
    static KeyPair strangerKey;

    @TempDir
    Path dir;
    ClassServer server;
    EchoLabs labs;

    @BeforeAll
    static void client() throws Exception {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        CoreModuleProperties.REQUEST_EXEC_REPLY.set(client, true); // else a refused exec just hangs
        client.start();
        learnerKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        strangerKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
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

    private void start(Consumer<Builder> tweak) throws IOException {
        Path keys = dir.resolve("authorized_keys");
        Files.writeString(keys, PublicKeyEntry.toString(learnerKey.getPublic()) + " learner\n");
        Builder b = new Builder();
        b.signIn = new SignIn(CODE, keys, false);
        tweak.accept(b);
        labs = new EchoLabs();
        server = ClassServer.start(ServeSettings.loopback(0, dir.resolve("host-key"), b.signIn, b.limits(), b.shared),
                b.factory != null ? b.factory : labs);
    }

    private static final class Builder {
        SignIn signIn;
        int maxSessions = 50;
        int maxPerAddress = 10;
        Duration idle = Duration.ofMinutes(30);
        int maxSigningIn = 100;
        Duration signInTime = Duration.ofSeconds(60);
        Duration labWait = Duration.ofSeconds(10);
        Duration keepAlive = Duration.ofSeconds(5);
        boolean shared;
        LabFactory factory;

        ServeSettings.Limits limits() {
            return new ServeSettings.Limits(maxSessions, maxPerAddress, idle, maxSigningIn, signInTime, labWait,
                    keepAlive, 3);
        }
    }

    private ClientSession connect(String user) throws IOException {
        return client.connect(user, "127.0.0.1", server.port()).verify(WAIT).getSession();
    }

    private ClientSession signInWithCode(String user) throws IOException {
        ClientSession s = connect(user);
        s.addPasswordIdentity(CODE);
        s.auth().verify(WAIT);
        return s;
    }

    /** A shell with a 100×30 xterm, its output gathered in {@code out}. */
    static Shell shell(ClientSession s, String term, int cols, int rows) throws IOException {
        ChannelShell ch = s.createShellChannel();
        if (term == null) {
            ch.setUsePty(false);
        } else {
            ch.setPtyType(term);
            ch.setPtyColumns(cols);
            ch.setPtyLines(rows);
        }
        ch.setEnv("LANG", "en_US.UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ch.setOut(out);
        ch.setErr(out);
        ch.open().verify(WAIT);
        return new Shell(ch, out);
    }

    record Shell(ChannelShell channel, ByteArrayOutputStream out) {
        String text() {
            return new String(out.toByteArray(), UTF_8);
        }

        void type(String keys) throws IOException {
            OutputStream in = channel.getInvertedIn();
            in.write(keys.getBytes(UTF_8));
            in.flush();
        }

        /** The screen as the client would show it (deltas split words, so search this). */
        String screen() {
            return ScreenText.of(text(), 120, 40);
        }

        void waitFor(String text) throws InterruptedException {
            waitFor(text, 120, 40);
        }

        /** Waits for {@code text} on a screen of this size (the size the client's window has). */
        void waitFor(String text, int cols, int rows) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (!ScreenText.of(text(), cols, rows).contains(text)) {
                if (System.nanoTime() > end) {
                    String shown = text();
                    throw new AssertionError("no '" + text + "' in: "
                            + shown.substring(Math.max(0, shown.length() - 4000)).replaceAll("\033", "ESC"));
                }
                Thread.sleep(20);
            }
        }

        Integer closedWithStatus() {
            Set<ClientChannelEvent> e = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
            assertThat(e).contains(ClientChannelEvent.CLOSED);
            // the exit status arrives just before the close; give it a moment on a busy machine
            channel.waitFor(EnumSet.of(ClientChannelEvent.EXIT_STATUS), Duration.ofSeconds(1));
            return channel.getExitStatus();
        }
    }

    private void awaitNoLearners() throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!server.sessions().isEmpty() || labs.running.get() > 0) {
            assertThat(System.nanoTime()).as("learners still in: %s", server.sessions()).isLessThan(end);
            Thread.sleep(20);
        }
    }

    // ---- sign-in ----

    @Test
    void theClassCodeAsPasswordGivesALabAndQEndsItWithStatus0() throws Exception {
        start(b -> { });
        try (ClientSession s = signInWithCode("ada")) {
            Shell sh = shell(s, "xterm", 100, 30);
            sh.waitFor("size 100x30");
            assertThat(server.sessions()).extracting(SessionRow::who).containsExactly("ada");
            sh.type("q");
            assertThat(sh.closedWithStatus()).isEqualTo(0);
            assertThat(sh.text()).contains("\033[?1049l"); // the alternate screen was left
        }
        awaitNoLearners();
    }

    @Test
    void aWrongCodeIsRefusedAndCounted() throws Exception {
        start(b -> { });
        try (ClientSession s = connect("eve")) {
            s.addPasswordIdentity("open-sesame");
            assertThatThrownBy(() -> s.auth().verify(WAIT)).isInstanceOf(IOException.class);
        }
        assertThat(server.failedSignIns()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theCodeAtTheClassCodePromptSignsIn() throws Exception {
        start(b -> b.signIn = new SignIn(CODE, null, false));
        try (ClientSession s = connect("ada")) {
            String[] asked = new String[1];
            s.setUserInteraction(new UserInteraction() {
                @Override
                public String[] interactive(ClientSession session, String name, String instruction, String lang,
                                            String[] prompt, boolean[] echo) {
                    asked[0] = prompt.length == 1 ? prompt[0] : List.of(prompt).toString();
                    return new String[] {" SESAME "}; // case and stray spaces forgiven
                }

                @Override
                public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
                    return null;
                }
            });
            s.auth().verify(WAIT);
            assertThat(asked[0]).isEqualTo("Class code: ");
        }
    }

    @Test
    void anEd25519KeyInTheFileSignsInAndAnotherDoesNot() throws Exception {
        start(b -> b.signIn = new SignIn(null, dir.resolve("authorized_keys"), false));
        try (ClientSession s = connect("ada")) {
            s.addPublicKeyIdentity(learnerKey);
            s.auth().verify(WAIT);
        }
        try (ClientSession s = connect("eve")) {
            s.addPublicKeyIdentity(strangerKey);
            s.addPasswordIdentity(CODE); // no code sign-in when only keys are configured
            assertThatThrownBy(() -> s.auth().verify(WAIT)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void twentyKeySignInsAtOnceAllSucceed() throws Exception {
        start(b -> {
            b.signIn = new SignIn(null, dir.resolve("authorized_keys"), false);
            b.maxPerAddress = 20; // all twenty from 127.0.0.1 may be signing in at once
        });
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < 20; i++) {
            Thread t = new Thread(() -> {
                try (ClientSession s = connect("ada")) {
                    s.addPublicKeyIdentity(learnerKey);
                    s.auth().verify(WAIT);
                    ok.incrementAndGet();
                } catch (IOException e) {
                    // counted as a miss
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ok.get()).isEqualTo(20);
    }

    @Test
    void openSignInNeedsNoCredentials() throws Exception {
        start(b -> b.signIn = SignIn.openDoor());
        try (ClientSession s = connect("anyone")) {
            s.auth().verify(WAIT);
            Shell sh = shell(s, "xterm-256color", 80, 24);
            sh.waitFor("size 80x24");
        }
    }

    // ---- lock-down ----

    @Test
    void execSftpAndForwardingAreRefused() throws Exception {
        start(b -> { });
        try (ClientSession s = signInWithCode("mallory")) {
            ClientChannel exec = s.createExecChannel("ls /");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            exec.setOut(out);
            exec.setErr(err);
            exec.open().verify(WAIT);
            assertThat(exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT)).contains(ClientChannelEvent.CLOSED);
            exec.waitFor(EnumSet.of(ClientChannelEvent.EXIT_STATUS), Duration.ofSeconds(1));
            assertThat(exec.getExitStatus()).as("no command ran: a line and exit 1").isEqualTo(1);
            assertThat(out.size()).isZero();
            assertThat(err.toString(UTF_8)).isEqualTo("Backprop Lab gives each learner a lab, not a shell or commands:"
                    + " connect with plain 'ssh -p " + server.port() + " mallory@127.0.0.1', without a command.\r\n");

            assertRefused(s.createSubsystemChannel("sftp"));

            ClientChannel tcp = s.createDirectTcpipChannel(new SshdSocketAddress("127.0.0.1", 0),
                    new SshdSocketAddress("127.0.0.1", server.port()));
            assertThatThrownBy(() -> tcp.open().verify(WAIT)).isInstanceOf(IOException.class);

            assertThatThrownBy(() -> s.startRemotePortForwarding(new SshdSocketAddress("127.0.0.1", 0),
                    new SshdSocketAddress("127.0.0.1", 9))).isInstanceOf(IOException.class);
            assertThat(s.isOpen()).as("the session survives the refusals").isTrue();
        }
        assertThat(labs.looks).isEmpty();
    }

    private static void assertRefused(ClientChannel ch) {
        try {
            ch.open().verify(WAIT);
        } catch (IOException refusedAtOnce) {
            return;
        }
        Set<ClientChannelEvent> e = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
        assertThat(e).contains(ClientChannelEvent.CLOSED);
        assertThat(ch.getExitStatus()).isNull();
    }

    @Test
    void aSessionWithoutATerminalIsToldWhyAndExits1() throws Exception {
        start(b -> { });
        try (ClientSession s = signInWithCode("ada")) {
            Shell sh = shell(s, null, 0, 0);
            assertThat(sh.closedWithStatus()).isEqualTo(1);
            assertThat(sh.text()).isEqualTo("Backprop Lab needs a terminal: connect with plain 'ssh -p " + server.port()
                    + " ada@127.0.0.1', without -T or a command.\r\n");
        }
        try (ClientSession s = signInWithCode("ada")) {
            Shell sh = shell(s, "dumb", 80, 24);
            assertThat(sh.closedWithStatus()).isEqualTo(1);
            assertThat(sh.text()).contains("TERM=dumb");
        }
        assertThat(labs.looks).isEmpty();
    }

    // ---- caps ----

    @Test
    void beyondTheCapsAServerFullLineAndExit1() throws Exception {
        start(b -> {
            b.maxSessions = 2;
            b.maxPerAddress = 2;
        });
        try (ClientSession s = signInWithCode("ada")) {
            Shell one = shell(s, "xterm", 80, 24);
            Shell two = shell(s, "xterm", 80, 24);
            one.waitFor("size 80x24");
            two.waitFor("size 80x24");
            Shell three = shell(s, "xterm", 80, 24);
            assertThat(three.closedWithStatus()).isEqualTo(1);
            assertThat(three.text()).startsWith("Server full");
            one.type("q");
            assertThat(one.closedWithStatus()).isEqualTo(0);
            Shell four = shell(s, "xterm", 80, 24); // room again
            four.waitFor("size 80x24");
        }
    }

    @Test
    void theCapPerAddressIsOwnLine() throws Exception {
        start(b -> b.maxPerAddress = 1);
        try (ClientSession s = signInWithCode("ada")) {
            shell(s, "xterm", 80, 24).waitFor("size 80x24");
            Shell two = shell(s, "xterm", 80, 24);
            assertThat(two.closedWithStatus()).isEqualTo(1);
            assertThat(two.text()).startsWith("Server full for 127.0.0.1: all 1 places for one address are taken.");
        }
    }

    // ---- the lab's terminal ----

    @Test
    void theLabFollowsTheWindowSizeAndGetsEnterAndExactUtf8() throws Exception {
        start(b -> { });
        try (ClientSession s = signInWithCode("ada")) {
            Shell sh = shell(s, "xterm", 100, 30);
            sh.waitFor("size 100x30");
            sh.channel().sendWindowChange(60, 20);
            sh.waitFor("size 60x20");
            sh.type("n\rm");
            sh.waitFor("keys n|Enter|m|end");
            byte[] glyphs = EchoLabs.GLYPHS.getBytes(UTF_8);
            assertThat(indexOf(sh.out().toByteArray(), glyphs)).as("é±×µ encoded exactly, no NUL after each")
                    .isGreaterThanOrEqualTo(0);
            assertThat(labs.looks.get(0)).isEqualTo(new org.backproplab.tui.LabOptions(true, false, false, "Backprop Lab"));
        }
    }

    @Test
    void aClientThatSendsNoSizeGets80x24() throws Exception {
        start(b -> { });
        try (ClientSession s = signInWithCode("ada")) {
            shell(s, "xterm", 0, 0).waitFor("size 80x24");
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void inASharedClassTheFirstLearnerDrivesAndTheOthersWatch() throws Exception {
        start(b -> b.shared = true);
        try (ClientSession a = signInWithCode("teacher"); ClientSession b = signInWithCode("ada")) {
            shell(a, "xterm", 80, 24).waitFor("size 80x24");
            shell(b, "xterm", 80, 24).waitFor("size 80x24");
            assertThat(labs.looks).extracting(org.backproplab.tui.LabOptions::readOnly).containsExactly(false, true);
            assertThat(server.sessions()).extracting(SessionRow::drives).containsExactly(true, false);
        }
    }

    // ---- endings ----

    @Test
    void aDroppedConnectionFreesTheLabWithinSeconds() throws Exception {
        start(b -> { });
        ClientSession s = signInWithCode("ada");
        Shell sh = shell(s, "xterm", 80, 24);
        sh.waitFor("size 80x24");
        long t0 = System.nanoTime();
        s.close(true); // no goodbye: the TCP connection just goes
        awaitNoLearners();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aClientThatVanishesWithoutClosingIsDroppedAfterThreeMissedKeepAlives() throws Exception {
        start(b -> b.keepAlive = Duration.ofMillis(300));
        try (FreezableRelay relay = new FreezableRelay(server.port());
             ClientSession s = client.connect("ada", "127.0.0.1", relay.port()).verify(WAIT).getSession()) {
            s.addPasswordIdentity(CODE);
            s.auth().verify(WAIT);
            Shell sh = shell(s, "xterm", 80, 24);
            sh.waitFor("size 80x24");
            Thread.sleep(1500); // five keep-alives, all answered: the lab stays
            assertThat(server.sessions()).hasSize(1);
            relay.freeze();
            long t0 = System.nanoTime();
            awaitNoLearners();
            // three unanswered ticks, closed on the fourth: 0.9 to 1.2 s after the freeze at 300 ms
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(600), Duration.ofSeconds(3));
        }
    }

    @Test
    void aSignedInConnectionWithoutAnyChannelIsClosed() throws Exception {
        start(b -> b.labWait = Duration.ofSeconds(1));
        try (ClientSession s = signInWithCode("ada")) {
            // like ssh -N: signed in, nothing asked for; closed after the wait for a lab (1 s here)
            s.waitFor(EnumSet.of(org.apache.sshd.client.session.ClientSession.ClientSessionEvent.CLOSED), WAIT);
            assertThat(s.isOpen()).isFalse();
        }
    }

    @Test
    void aLabIdleTooLongEndsWithALine() throws Exception {
        start(b -> b.idle = Duration.ofSeconds(1));
        try (ClientSession s = signInWithCode("ada")) {
            Shell sh = shell(s, "xterm", 80, 24);
            sh.waitFor("size 80x24");
            assertThat(sh.closedWithStatus()).isEqualTo(1);
            assertThat(sh.text()).endsWith("Closed after 1 second without a key press. Connect again for a new lab.\r\n");
        }
    }

    @Test
    void stoppingTheServerRestoresEveryTerminalFirst() throws Exception {
        start(b -> { });
        try (ClientSession a = signInWithCode("ada"); ClientSession b = signInWithCode("bob")) {
            Shell one = shell(a, "xterm", 80, 24);
            Shell two = shell(b, "xterm", 80, 24);
            one.waitFor("size 80x24");
            two.waitFor("size 80x24");
            server.stop();
            for (Shell sh : List.of(one, two)) {
                assertThat(sh.closedWithStatus()).isEqualTo(1);
                String t = sh.text();
                assertThat(t.lastIndexOf("\033[?1049l")).as("left the alternate screen before the goodbye")
                        .isGreaterThan(0).isLessThan(t.indexOf("The class is over"));
            }
        }
        assertThat(labs.running.get()).isZero();
    }

    // ---- what one client may cost the others (issue 10) ----

    private static LabFactory realLabs() {
        return LabFactory.forClass(org.backproplab.train.Preset.TEXTBOOK.defaults(), "textbook", false);
    }

    @Test
    void aHugeWindowIsDrawnInItsTopLeftCornerAndSaidSoAndTheOtherLearnersAreAnswered() throws Exception {
        LabFactory real = realLabs();
        start(b -> b.factory = real);
        try (ClientSession a = signInWithCode("ada"); ClientSession b = signInWithCode("bob")) {
            Shell huge = shell(a, "xterm", 100, 30);
            Shell other = shell(b, "xterm", 100, 30);
            huge.waitFor("epoch 0");
            other.waitFor("epoch 0");
            huge.channel().sendWindowChange(100_000, 100_000);
            huge.waitFor("this window is 100000×100000: the lab draws in its top left 500×200", 500, 200);
            other.type("n");
            other.waitFor("epoch 1 ");
            huge.type("n");
            huge.waitFor("epoch 1 ", 500, 200);
            huge.channel().sendWindowChange(46_341, 46_341); // 46341² overflows an int
            huge.waitFor("this window is 46341×46341", 500, 200);
            huge.type("n");
            huge.waitFor("epoch 2 ", 500, 200);
            assertThat(server.sessions()).hasSize(2);
            huge.channel().sendWindowChange(100, 30);
            huge.waitFor("epoch 2 ", 100, 30);
            huge.type("q");
            assertThat(huge.closedWithStatus()).isEqualTo(0);
        } finally {
            server.stop();
            real.close();
        }
    }

    @Test
    void aLabThatFailsWithAnErrorEndsItsOwnSessionWithALineAndStatus1() throws Exception {
        EchoLabs echo = new EchoLabs();
        start(b -> b.factory = new LabFactory() {
            @Override
            public RunningLab open(com.googlecode.lanterna.terminal.Terminal terminal, org.backproplab.tui.LabOptions o) {
                RunningLab inner = echo.open(terminal, o);
                if (!terminal.toString().isEmpty() && echo.looks.size() == 1) {
                    return new RunningLab() {
                        @Override
                        public void run() {
                            throw new StackOverflowError("too deep"); // an Error, not an Exception
                        }

                        @Override
                        public void stop() {
                        }

                        @Override
                        public void setRole(boolean readOnly, String title) {
                        }

                        @Override
                        public Progress progress() {
                            return Progress.NONE;
                        }
                    };
                }
                return inner;
            }
        });
        try (ClientSession a = signInWithCode("ada"); ClientSession b = signInWithCode("bob")) {
            Shell failing = shell(a, "xterm", 80, 24);
            assertThat(failing.closedWithStatus()).isEqualTo(1);
            assertThat(failing.text()).endsWith("The lab stopped with an error: too deep\r\n");
            Shell fine = shell(b, "xterm", 80, 24);
            fine.waitFor("size 80x24");
            fine.type("x");
            fine.waitFor("keys x|end");
            assertThat(server.sessions()).extracting(SessionRow::who).containsExactly("bob");
        }
    }

    @Test
    void aLearnersNameReachesTheConsoleAsPrintableTextOnly() throws Exception {
        start(b -> { });
        List<String> names = List.of("\u001b]2;PWNED\u0007", "\u001b]52;c;aWQK\u0007", "ev\u001b[2Jil\r\nFAKE");
        List<ClientSession> in = new java.util.ArrayList<>();
        try {
            for (String name : names) {
                ClientSession s = signInWithCode(name);
                in.add(s);
                shell(s, "xterm", 80, 24).waitFor("size 80x24");
            }
            List<String> who = server.sessions().stream().map(SessionRow::who).toList();
            assertThat(who).containsExactlyInAnyOrder("\\x1b]2;PWNED\\x07", "\\x1b]52;c;aWQK\\x07", "ev\\x1b[2Jil\\x0d\\x0aFAKE");
            String table = String.join("\n", ConsoleTable.render(server.sessions(), java.time.Instant.now(), 49));
            assertThat(table).doesNotContain("\u001b", "\u0007", "\r").contains("ev\\x1b[2Jil\\x0d~"); // cut to its column (49 columns: WHO gets 16), never inside an escape
        } finally {
            for (ClientSession s : in) {
                s.close(true);
            }
        }
    }

    @Test
    void environmentRequestsKeepOnlyWhatTheLabReadsAndNeverTheSize() throws Exception {
        start(b -> { });
        try (ClientSession s = signInWithCode("ada")) {
            ChannelShell ch = s.createShellChannel();
            ch.setPtyType("xterm");
            ch.setPtyColumns(80);
            ch.setPtyLines(24);
            ch.setEnv("LANG", "en_US.UTF-8");
            ch.setEnv("COLUMNS", "123"); // sent after the pty request, as MINA's client and paramiko do
            ch.setEnv("LINES", "45");
            String big = "x".repeat(30_000);
            for (int i = 0; i < 60; i++) { // fewer than a flood: refused, and the session goes on
                ch.setEnv("V" + i, big);
            }
            ch.setEnv("LC_CTYPE", "y".repeat(101)); // longer than any locale name
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ch.setOut(out);
            ch.setErr(out);
            ch.open().verify(WAIT);
            Shell sh = new Shell(ch, out);
            sh.waitFor("size 80x24");
            java.util.Map<String, String> kept = serverSideEnvironment();
            assertThat(kept).containsOnlyKeys("TERM", "COLUMNS", "LINES", "LANG", "USER"); // USER: MINA's, the name
            assertThat(kept).containsEntry("COLUMNS", "80").containsEntry("LINES", "24");
        }
    }

    @Test
    void aFloodOfEnvironmentRequestsClosesTheConnection() throws Exception {
        start(b -> { });
        ClientSession s = signInWithCode("flood");
        ChannelShell ch = s.createShellChannel();
        ch.setPtyType("xterm");
        String big = "x".repeat(30_000);
        for (int i = 0; i < 2000; i++) {
            ch.setEnv("V" + i, big);
        }
        ch.setOut(java.io.OutputStream.nullOutputStream());
        try {
            ch.open().verify(WAIT);
        } catch (IOException closedWhileOpening) {
            // closed before the shell was even asked for: as good
        }
        s.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), WAIT);
        assertThat(s.isOpen()).isFalse();
        assertThat(labs.looks).as("no lab for a flood").isEmpty();
    }

    /** The environment the server keeps for the one session channel open now. */
    private java.util.Map<String, String> serverSideEnvironment() {
        for (org.apache.sshd.common.session.helpers.AbstractSession s : server.sshd().getActiveSessions()) {
            org.apache.sshd.common.session.helpers.AbstractConnectionService c =
                    s.getService(org.apache.sshd.common.session.helpers.AbstractConnectionService.class);
            for (org.apache.sshd.common.channel.Channel ch : c.getChannels()) {
                if (ch instanceof org.apache.sshd.server.channel.ChannelSession session) {
                    return new java.util.HashMap<>(session.getEnvironment().getEnv());
                }
            }
        }
        throw new AssertionError("no session channel on the server");
    }

    @Test
    void aConnectionSignedInWithAChannelButNoLabTakesAPlaceAndIsClosedAfterTheWait() throws Exception {
        start(b -> {
            b.maxSessions = 1;
            b.labWait = Duration.ofSeconds(2);
        });
        ClientSession hoarder = signInWithCode("hoarder");
        org.apache.sshd.client.channel.ChannelSession bare = new org.apache.sshd.client.channel.ChannelSession();
        hoarder.getService(org.apache.sshd.common.session.ConnectionService.class).registerChannel(bare);
        bare.open().verify(WAIT); // a session channel that never asks for a shell
        long t0 = System.nanoTime();
        try (ClientSession s = signInWithCode("ada")) {
            Shell refused = shell(s, "xterm", 80, 24);
            assertThat(refused.closedWithStatus()).isEqualTo(1);
            assertThat(refused.text()).startsWith("Server full: all 1 places are taken");
        }
        hoarder.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), WAIT);
        assertThat(hoarder.isOpen()).as("closed for holding no lab").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
        try (ClientSession s = signInWithCode("ada")) {
            shell(s, "xterm", 80, 24).waitFor("size 80x24"); // its place is free again
        }
    }

    @Test
    void aWrongCodeIsSaidAtTheNextPromptWithoutSayingWhichPart() throws Exception {
        start(b -> b.signIn = new SignIn(CODE, null, false));
        List<String> prompts = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ClientSession s = connect("ada")) {
            s.setUserInteraction(new UserInteraction() {
                @Override
                public String[] interactive(ClientSession session, String name, String instruction, String lang,
                                            String[] prompt, boolean[] echo) {
                    prompts.add(String.join("|", prompt));
                    if (prompts.size() == 1) {
                        return new String[] {"sesamf"}; // one letter off
                    }
                    try {
                        Thread.sleep(1100); // a miss makes this address wait 1 s before the next try counts
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new String[] {CODE};
                }

                @Override
                public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
                    return null;
                }
            });
            s.auth().verify(WAIT);
        }
        assertThat(prompts).containsExactly("Class code: ", "Wrong class code, try again. Class code: ");
    }

    @Test
    void silentConnectionsBeyondTheirAddressesShareAreClosedAtOnce() throws Exception {
        start(b -> b.maxPerAddress = 3);
        List<java.net.Socket> silent = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                silent.add(new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port()));
            }
            assertThat(openAfter(silent, Duration.ofSeconds(3))).as("silent connections still open").isEqualTo(3);
        } finally {
            for (java.net.Socket x : silent) {
                x.close();
            }
        }
    }

    @Test
    void whenEverySigningInPlaceIsTakenALearnerFromAnotherAddressStillGetsIn() throws Exception {
        start(b -> {
            b.maxSigningIn = 4;
            b.maxPerAddress = 4;
        });
        List<java.net.Socket> silent = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                silent.add(new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port()));
            }
            aLearnerFromAnotherAddressGetsALab();
            assertThat(openAfter(silent, Duration.ofSeconds(1))).as("one silent connection made room").isEqualTo(3);
        } finally {
            for (java.net.Socket x : silent) {
                x.close();
            }
        }
    }

    /**
     * Every signing-in place taken by connections that finished the key exchange and then stall:
     * a learner from another address still gets in, and one of the stallers makes room. (The
     * newcomer, not keyed yet, was the one closed: stallers from a few addresses kept everyone out.)
     */
    @Test
    void stallersPastTheKeyExchangeDoNotKeepALearnerOut() throws Exception {
        start(b -> {
            b.maxSigningIn = 4;
            b.maxPerAddress = 4;
        });
        List<ClientSession> stalling = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                ClientSession x = connect("staller" + i);
                // past the key exchange (the server may now ask for a sign-in), then nothing
                x.waitFor(java.util.EnumSet.of(ClientSession.ClientSessionEvent.WAIT_AUTH), WAIT);
                stalling.add(x);
            }
            long end = System.nanoTime() + WAIT.toNanos();
            while (server.signingIn() != 4 && System.nanoTime() < end) Thread.sleep(10);
            aLearnerFromAnotherAddressGetsALab();
            end = System.nanoTime() + WAIT.toNanos();
            while (stalling.stream().filter(ClientSession::isOpen).count() > 3 && System.nanoTime() < end) Thread.sleep(10);
            assertThat(stalling.stream().filter(ClientSession::isOpen).count()).as("stallers left open").isEqualTo(3);
        } finally {
            for (ClientSession x : stalling) x.close(true);
        }
    }

    /** A learner from 127.0.0.2 signs in and gets a lab, the only one on the server. */
    private void aLearnerFromAnotherAddressGetsALab() throws Exception {
        java.net.InetSocketAddress elsewhere = new java.net.InetSocketAddress("127.0.0.2", 0);
        try (ClientSession s = client.connect("ada", new java.net.InetSocketAddress("127.0.0.1", server.port()), null,
                elsewhere).verify(WAIT).getSession()) {
            s.addPasswordIdentity(CODE);
            s.auth().verify(WAIT);
            shell(s, "xterm", 80, 24).waitFor("size 80x24");
            assertThat(server.sessions()).extracting(SessionRow::from).containsExactly("127.0.0.2");
        }
    }

    /** How many of these connections the server has not closed after the time (it sends its version line first). */
    static int openAfter(List<java.net.Socket> sockets, Duration after) throws Exception {
        Thread.sleep(after.toMillis());
        int open = 0;
        for (java.net.Socket x : sockets) {
            x.setSoTimeout(500); // what the server sent is there already: a closed one reads to its end at once
            java.io.InputStream in = x.getInputStream();
            boolean closed;
            try {
                while (in.read() >= 0) {
                    // the server's version line
                }
                closed = true;
            } catch (java.net.SocketTimeoutException stillOpen) {
                closed = false;
            } catch (java.io.IOException reset) {
                closed = true;
            }
            open += closed ? 0 : 1;
        }
        return open;
    }

    @Test
    void aConnectionThatDoesNotSignInIsClosedAFixedTimeAfterItOpened() throws Exception {
        start(b -> b.signInTime = Duration.ofSeconds(2));
        long t0 = System.nanoTime();
        ClientSession s = connect("slow"); // the key exchange, then nothing
        long end = System.nanoTime() + WAIT.toNanos();
        while (server.signingIn() != 1 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(server.signingIn()).as("the server counts it as signing in").isEqualTo(1);
        s.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), WAIT);
        assertThat(s.isOpen()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(8));
        assertThat(server.signingIn()).isZero();
    }

    @Test
    void inASharedClassTheNextLearnerDrivesWhenTheDriverLeavesAndEveryoneSeesWho() throws Exception {
        start(b -> b.shared = true);
        try (ClientSession a = signInWithCode("ada"); ClientSession b = signInWithCode("bob");
             ClientSession c = signInWithCode("cy")) {
            Shell ada = shell(a, "xterm", 80, 24);
            ada.waitFor("role Shared lab, you drive (driving).");
            Shell bob = shell(b, "xterm", 80, 24);
            bob.waitFor("role Shared lab, ada drives (watching).");
            Shell cy = shell(c, "xterm", 80, 24);
            cy.waitFor("role Shared lab, ada drives (watching).");
            ada.type("q");
            assertThat(ada.closedWithStatus()).isZero();
            bob.waitFor("role Shared lab, you drive (driving).");
            cy.waitFor("role Shared lab, bob drives (watching).");
            assertThat(server.sessions()).extracting(SessionRow::who, SessionRow::drives)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", true),
                            org.assertj.core.groups.Tuple.tuple("cy", false));
        }
    }

    @Test
    void theHostKeyAndAFolderMadeForItAreTheOwnersAlone() throws Exception {
        Path folder = dir.resolve("config").resolve("backprop-lab");
        Path key = folder.resolve("host-key");
        server = ClassServer.start(ServeSettings.loopback(0, key, SignIn.openDoor(),
                ServeSettings.Limits.defaults(), false), new EchoLabs());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.getParent())))
                .isEqualTo("rwx------");
        try (var leftovers = Files.list(folder)) {
            assertThat(leftovers).extracting(p -> p.getFileName().toString()).containsExactly("host-key");
        }
    }
}
