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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backproplab.tui.TheJar;
import org.backproplab.tui.Tmux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class bigger than one machine, as docs/class-server.md sets it up: HAProxy (its haproxy.cfg
 * from that page, the addresses and ports replaced by free ones on 127.0.0.1) in front of two of
 * the real jar's servers sharing one host key and one class code file, and learners with the
 * real OpenSSH client in tmux, each from an address of its own (ssh -b 127.0.0.N).
 */
class ServeProxyIT {
    private static final String JAR = TheJar.path();
    private static final String CODE = "k7m2qzpx";
    private static final Duration SLOW = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    final List<Process> processes = new ArrayList<>();
    Tmux tmux;

    @BeforeAll
    static void tools() {
        // CI installs them all; only a machine without them (and not CI) may skip
        assumeTrue(Tmux.available("tmux", "ssh", "haproxy") || System.getenv("CI") != null,
                "needs tmux, OpenSSH's ssh and haproxy");
    }

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Process start(Path log, String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    /** A server of the class, on 127.0.0.1:{@code port}, with the class's key and code and the balancer on 127.0.0.1. */
    private Process server(int port, Path log) throws IOException {
        return start(log, "java", "-jar", JAR, "serve", "--port", "" + port, "--host-key", dir.resolve("host-key").toString(),
                "--class-code-file", dir.resolve("class-code").toString(), "--proxy-protocol-from", "127.0.0.1");
    }

    /** The haproxy.cfg of docs/class-server.md with these ports on 127.0.0.1 in place of its addresses. */
    static String haproxyConfig(int front, int lab1, int lab2) throws IOException {
        String doc = Files.readString(Path.of("docs/class-server.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<!-- haproxy.cfg: ServeProxyIT reads the block below -->\\n```\\n(.*?)```",
                Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("docs/class-server.md holds the haproxy.cfg block").isTrue();
        String cfg = m.group(1);
        Map<String, String> fill = new LinkedHashMap<>();
        fill.put("bind :2222", "bind 127.0.0.1:" + front);
        fill.put("10.0.0.11:2222", "127.0.0.1:" + lab1);
        fill.put("10.0.0.12:2222", "127.0.0.1:" + lab2);
        for (Map.Entry<String, String> e : fill.entrySet()) {
            assertThat(cfg.split(Pattern.quote(e.getKey()), -1)).as("'%s' once in the doc's config", e.getKey()).hasSize(2);
            cfg = cfg.replace(e.getKey(), e.getValue());
        }
        return cfg;
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Waits until the file shows a match of {@code regex}; returns the match's first group (or all of it). */
    private static String awaitIn(Path log, String regex, Duration within) throws Exception {
        Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
        long end = System.nanoTime() + within.toNanos();
        while (true) {
            String text = read(log);
            Matcher m = p.matcher(text);
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            assertThat(System.nanoTime()).as("%s shows /%s/:\n%s", log.getFileName(), regex, text).isLessThan(end);
            Thread.sleep(100);
        }
    }

    /** The learners the console's log names last: "2 learners: ada@127.0.0.2, cy@127.0.0.4" as name to address. */
    private static Map<String, String> learners(Path log) throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        String last = read(log).lines().filter(l -> l.matches("\\d+ learners?(: .*)?")).reduce((a, b) -> b).orElse("");
        int colon = last.indexOf(": ");
        if (colon >= 0) {
            for (String who : last.substring(colon + 2).split(", ")) {
                int at = who.lastIndexOf('@');
                found.put(who.substring(0, at), who.substring(at + 1));
            }
        }
        return found;
    }

    private static void awaitListening(int port, Process p, Path log) throws Exception {
        long end = System.nanoTime() + SLOW.toNanos();
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                assertThat(p.isAlive()).as("running: %s", read(log)).isTrue();
                assertThat(System.nanoTime()).as("listening on %d: %s", port, read(log)).isLessThan(end);
                Thread.sleep(100);
            }
        }
    }

    /** A learner from 127.0.0.{@code n} through the balancer: ssh, the class code at the prompt, the lab's first frame. */
    private void learner(String name, int n, int front, boolean first) throws Exception {
        String ssh = "ssh -o StrictHostKeyChecking=" + (first ? "accept-new" : "yes") + " -o UserKnownHostsFile="
                + dir.resolve("known_hosts") + " -o LogLevel=ERROR -o PubkeyAuthentication=no -b 127.0.0." + n
                + " -p " + front + " " + name + "@127.0.0.1";
        tmux.open(name, 100, 30, ssh + "; echo EXITED rc=$?; sleep 60");
        String prompt = tmux.waitFor(name, "Class code:|EXITED", SLOW);
        assertThat(prompt).as("%s reaches a server with the key it knows", name).contains("Class code:");
        tmux.keysTo(name, CODE, "Enter");
        tmux.waitFor(name, "epoch 0", SLOW);
    }

    @Test
    void learnersThroughHaproxyAreSpreadOverTwoServersAtTheirOwnAddressesAndNewOnesGetALabWhenOneHangsOrStops()
            throws Exception {
        int front = freePort();
        int lab1 = freePort();
        int lab2 = freePort();
        Files.writeString(dir.resolve("class-code"), CODE + "\n");
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, haproxyConfig(front, lab1, lab2));
        Process check = new ProcessBuilder("haproxy", "-c", "-f", cfg.toString()).redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as("haproxy -c: %s", checked).isZero();

        // both servers start at once, and neither has a host key yet: they must end up with one between them
        Path log1 = dir.resolve("lab1.log");
        Path log2 = dir.resolve("lab2.log");
        Process one = server(lab1, log1);
        Process two = server(lab2, log2);
        awaitListening(lab1, one, log1);
        awaitListening(lab2, two, log2);
        String key1 = awaitIn(log1, "host key: +\\S+ .*\n +(SHA256:\\S+)$", SLOW);
        String key2 = awaitIn(log2, "host key: +\\S+ .*\n +(SHA256:\\S+)$", SLOW);
        assertThat(key1).isEqualTo(key2);
        for (Path log : List.of(log1, log2)) {
            assertThat(read(log)).contains("  balancer:       PROXY protocol from 127.0.0.1 (learners are shown at their own\n"
                    + "                  addresses)").contains("class code " + CODE); // fitted to 80 columns
        }

        Path haproxyLog = dir.resolve("haproxy.log");
        Process haproxy = start(haproxyLog, "haproxy", "-db", "-f", cfg.toString());
        awaitListening(front, haproxy, haproxyLog);
        // its health checks reach both servers and are taken as such
        awaitIn(log1, "The balancer's health checks are answered", SLOW);
        awaitIn(log2, "The balancer's health checks are answered", SLOW);

        tmux = new Tmux();
        List<String> names = List.of("ada", "bob", "cy", "dee");
        for (int i = 0; i < names.size(); i++) {
            learner(names.get(i), i + 2, front, i == 0);
        }
        long end = System.nanoTime() + SLOW.toNanos();
        while (learners(log1).size() + learners(log2).size() < 4) {
            assertThat(System.nanoTime()).as("four learners in the consoles:\n%s\n%s", read(log1), read(log2))
                    .isLessThan(end);
            Thread.sleep(100);
        }
        Map<String, String> on1 = learners(log1);
        Map<String, String> on2 = learners(log2);
        assertThat(on1).as("leastconn gives the first server learners").isNotEmpty();
        assertThat(on2).as("and the second").isNotEmpty();
        Map<String, String> all = new LinkedHashMap<>(on1);
        all.putAll(on2);
        // each console shows every learner at their own address, never the balancer's 127.0.0.1
        assertThat(all).containsOnly(Map.entry("ada", "127.0.0.2"), Map.entry("bob", "127.0.0.3"),
                Map.entry("cy", "127.0.0.4"), Map.entry("dee", "127.0.0.5"));
        for (Path log : List.of(log1, log2)) {
            assertThat(read(log)).doesNotContain("failed sign-ins").doesNotContain("closed: no valid PROXY header");
        }

        // the first server hangs: HAProxy's check takes it out and ends its learners' connections,
        // and a newcomer gets a lab on the second
        List<String> frozenOut = new ArrayList<>(on1.keySet());
        signal("STOP", one);
        for (String name : frozenOut) {
            tmux.waitFor(name, "EXITED rc=255", Duration.ofSeconds(60));
        }
        learner("eve", 6, front, false);
        awaitIn(log2, "learners: .*eve@127\\.0\\.0\\.6", SLOW);
        signal("CONT", one);
        awaitIn(haproxyLog, "lab1 is UP", Duration.ofSeconds(60));

        // the second server is stopped by its teacher: its learners are told, and a newcomer gets a lab on the first
        String leaving = on2.keySet().iterator().next();
        two.destroy();
        assertThat(two.waitFor(20, TimeUnit.SECONDS)).isTrue();
        tmux.waitFor(leaving, "The class is over: the teacher stopped the server\\.", SLOW);
        learner("fay", 7, front, false);
        awaitIn(log1, "learners?: .*fay@127\\.0\\.0\\.7", SLOW);
    }

    /** Sends a signal to a process: STOP freezes it as a hung server (it still accepts connections), CONT wakes it. */
    private static void signal(String name, Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, "" + p.pid()).redirectErrorStream(true).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    @Test
    void aBalancersNameIsResolvedOnceAndAnUnknownOneIsOneLineAndExit2() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 lb\n");
        String hostsFile = "-Djdk.net.hosts.file=" + hosts;
        Process bad = new ProcessBuilder("java", hostsFile, "-jar", JAR, "serve", "--proxy-protocol-from", "nowhere",
                "--host-key", dir.resolve("host-key").toString()).redirectErrorStream(true).start();
        String out = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).as(out).isEqualTo(2);
        assertThat(out.strip()).isEqualTo("backprop-lab serve: --proxy-protocol-from: unknown address 'nowhere'"
                + " (see 'backprop-lab serve --help')");

        int port = freePort();
        Path log = dir.resolve("lab.log");
        Process p = start(log, "java", hostsFile, "-jar", JAR, "serve", "--port", "" + port, "--class-code", CODE,
                "--host-key", dir.resolve("host-key").toString(), "--proxy-protocol-from", "lb,10.0.0.0/24");
        awaitListening(port, p, log);
        awaitIn(log, "  balancer:       PROXY protocol from lb \\(127\\.0\\.0\\.1\\), 10\\.0\\.0\\.0/24 ", SLOW);
    }
}
