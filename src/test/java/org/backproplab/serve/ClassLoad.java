package org.backproplab.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * A load test for a running {@code backprop-lab serve --open} (a tool, not a unit test): N
 * learners through MINA's client, each lab running, then one key per lab timed from the key to
 * the answer on that learner's screen; the server's CPU, threads and memory read from /proc.
 *
 * <pre>java -cp target/test-classes:target/backprop-lab.jar org.backproplab.serve.ClassLoad PORT SERVER_PID [N] [SECONDS]</pre>
 */
public final class ClassLoad {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;

        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        // one sign-in first: MINA starts its fixed pool (network threads, a timer) at the first
        // connection and keeps it, so the baseline is an idle server that has served once
        try (ClientSession warm = client.connect("warmup", "127.0.0.1", port).verify(Duration.ofSeconds(30)).getSession()) {
            warm.auth().verify(Duration.ofSeconds(30));
        }
        Thread.sleep(1000);
        long heapBase = heapAfterGc(pid); // first: jcmd's attach adds a thread that then stays
        Proc base = Proc.read(pid);
        System.out.printf(Locale.ROOT, "baseline: threads %d, RSS %,d KB, heap after GC %,d KB%n", base.threads, base.rssKb, heapBase);

        List<Learner> learners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            learners.add(new Learner(client, port, "learner" + i));
        }
        long[] firstFrame = new long[n];
        for (int i = 0; i < n; i++) {
            firstFrame[i] = learners.get(i).awaitText("epoch 0", Duration.ofSeconds(60)) / 1_000_000;
        }
        System.out.printf(Locale.ROOT, "%d labs: connect+sign-in+first frame, ms: %s%n", n, stats(firstFrame));

        Proc paused = Proc.read(pid);
        System.out.printf(Locale.ROOT, "%d labs open, paused: threads %d, RSS %,d KB%n", n, paused.threads, paused.rssKb);

        keyRound(learners, "all labs paused");

        for (Learner l : learners) {
            l.type(" "); // run
        }
        Thread.sleep(3000);
        long bytes0 = learners.stream().mapToLong(Learner::bytes).sum();
        Proc p0 = Proc.read(pid);
        Proc me0 = Proc.read(ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        Proc p1 = Proc.read(pid);
        Proc me1 = Proc.read(ProcessHandle.current().pid());
        long bytes1 = learners.stream().mapToLong(Learner::bytes).sum();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (p1.cpuTicks - p0.cpuTicks) / (double) TICKS_PER_SECOND / wall;
        long heapLoaded = heapAfterGc(pid);
        System.out.printf(Locale.ROOT, "%d labs running for %.1f s: server CPU %.2f cores (%.1f%% of one core per lab),"
                        + " threads %d (%.2f per lab), RSS %,d KB (%,d KB per lab), heap after GC %,d KB (%,d KB per lab)%n",
                n, wall, cpu, 100 * cpu / n, p1.threads, (p1.threads - base.threads) / (double) n, p1.rssKb,
                (p1.rssKb - base.rssKb) / n, heapLoaded, (heapLoaded - heapBase) / n);
        System.out.printf(Locale.ROOT, "this load driver (%d SSH clients on the same machine) meanwhile: CPU %.2f cores%n",
                n, (me1.cpuTicks - me0.cpuTicks) / (double) TICKS_PER_SECOND / wall);
        System.out.printf(Locale.ROOT, "bytes to each learner: %,.0f B/s per lab (all %d: %,.0f B/s)%n",
                (bytes1 - bytes0) / wall / n, n, (bytes1 - bytes0) / wall);

        keyRound(learners, "all labs running");

        int exit0 = 0;
        for (Learner l : learners) {
            l.type("q");
        }
        for (Learner l : learners) {
            if (l.closedWithStatus() == 0) {
                exit0++;
            }
        }
        System.out.printf(Locale.ROOT, "q: %d of %d sessions ended with exit status 0%n", exit0, n);
        client.stop();
        Thread.sleep(3000);
        Proc after = Proc.read(pid);
        long heapAfter = heapAfterGc(pid);
        System.out.printf(Locale.ROOT, "3 s after everyone left: threads %d (baseline %d), RSS %,d KB, heap after GC %,d KB (baseline %,d KB)%n",
                after.threads, base.threads, after.rssKb, heapAfter, heapBase);
    }

    /** One key per lab: '?' opens the help box; the time until it is on that learner's screen. */
    private static void keyRound(List<Learner> learners, String when) throws Exception {
        int n = learners.size();
        long[] answer = new long[n];
        for (int i = 0; i < n; i++) {
            Learner l = learners.get(i);
            long start = System.nanoTime();
            l.type("?");
            answer[i] = l.awaitText("closes)" /* the help box's title, one column or two */, Duration.ofSeconds(10)) - (start - l.started);
            l.type("?");
            l.awaitGone("closes)" /* the help box's title, one column or two */, Duration.ofSeconds(10));
            Thread.sleep(20);
        }
        long[] ms = Arrays.stream(answer).map(a -> a / 1_000_000).toArray();
        long withinFrame = Arrays.stream(answer).filter(a -> a <= 1_000_000_000L / 30).count();
        System.out.printf(Locale.ROOT, "key to answer on screen, %s, ms: %s; within one frame (33 ms): %d of %d%n",
                when, stats(ms), withinFrame, n);
    }

    private static String stats(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "median %d, p90 %d, max %d", s[s.length / 2], s[(int) Math.ceil(s.length * 0.9) - 1],
                s[s.length - 1]);
    }

    /**
     * Heap in use after a full GC, from jcmd (KB): G1's one heap line, or the Serial collector's
     * generations added up (metaspace is not heap).
     */
    private static long heapAfterGc(long pid) throws IOException, InterruptedException {
        run("jcmd", "" + pid, "GC.run");
        long used = 0;
        boolean found = false;
        for (String line : run("jcmd", "" + pid, "GC.heap_info").split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(line);
            if (m.find() && (line.contains("heap") || line.contains("generation"))) {
                used += Long.parseLong(m.group(1));
                found = true;
            }
        }
        return found ? used : -1;
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private record Proc(long cpuTicks, long threads, long rssKb) {
        static Proc read(long pid) throws IOException {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
            long threads = 0;
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.substring(8).strip());
                } else if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
            return new Proc(ticks, threads, rss);
        }
    }

    /** One learner: a shell at 100×30 whose output is kept as a screen. */
    private static final class Learner {
        final ChannelShell channel;
        final Grid grid = new Grid(100, 30);
        final long started = System.nanoTime();

        Learner(SshClient client, int port, String name) throws IOException {
            ClientSession s = client.connect(name, "127.0.0.1", port).verify(Duration.ofSeconds(30)).getSession();
            s.auth().verify(Duration.ofSeconds(30));
            channel = s.createShellChannel();
            channel.setPtyType("xterm-256color");
            channel.setPtyColumns(100);
            channel.setPtyLines(30);
            channel.setEnv("LANG", "en_US.UTF-8");
            channel.setOut(grid);
            channel.setErr(grid);
            channel.open().verify(Duration.ofSeconds(30));
        }

        void type(String keys) throws IOException {
            channel.getInvertedIn().write(keys.getBytes(StandardCharsets.UTF_8));
            channel.getInvertedIn().flush();
        }

        long bytes() {
            return grid.bytes();
        }

        /** Nanoseconds from this learner's start until the text is on screen. */
        long awaitText(String text, Duration within) throws InterruptedException {
            long end = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < end) {
                if (grid.contains(text)) {
                    return System.nanoTime() - started;
                }
                Thread.sleep(1);
            }
            throw new IllegalStateException("no '" + text + "' on screen:\n" + grid.text());
        }

        void awaitGone(String text, Duration within) throws InterruptedException {
            long end = System.nanoTime() + within.toNanos();
            while (grid.contains(text)) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("'" + text + "' still on screen");
                }
                Thread.sleep(1);
            }
        }

        int closedWithStatus() {
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(10));
            Integer s = channel.getExitStatus();
            return s == null ? -1 : s;
        }
    }

    /** A screen fed by the byte stream: text, CSI H and CSI 2J; other escapes skipped; UTF-8 decoded. */
    private static final class Grid extends OutputStream {
        private final char[][] cells;
        private final StringBuilder escape = new StringBuilder();
        private boolean inEscape;
        private int row;
        private int col;
        private int pending; // UTF-8 continuation bytes still expected
        private int codePoint;
        private long bytes;

        Grid(int cols, int rows) {
            cells = new char[rows][cols];
            clear();
        }

        private void clear() {
            for (char[] r : cells) {
                Arrays.fill(r, ' ');
            }
        }

        @Override
        public synchronized void write(int b) {
            bytes++;
            b &= 0xFF;
            if (inEscape) {
                escape.append((char) b);
                if (escape.length() == 1 && b != '[') {
                    inEscape = false; // a two-character escape
                } else if (escape.length() > 1 && (Character.isLetter(b) || b == '~')) {
                    String e = escape.toString();
                    inEscape = false;
                    if (b == 'H') {
                        String a = e.substring(1, e.length() - 1);
                        String[] p = a.isEmpty() ? new String[] {"1", "1"} : a.split(";");
                        row = Integer.parseInt(p[0]) - 1;
                        col = p.length > 1 ? Integer.parseInt(p[1]) - 1 : 0;
                    } else if (e.equals("[2J")) {
                        clear();
                    }
                }
                return;
            }
            if (pending > 0 && (b & 0xC0) == 0x80) {
                codePoint = codePoint << 6 | b & 0x3F;
                if (--pending == 0) {
                    put((char) codePoint);
                }
                return;
            }
            if (b == 0x1B) {
                inEscape = true;
                escape.setLength(0);
            } else if (b >= 0xF0) {
                pending = 3;
                codePoint = b & 0x07;
            } else if (b >= 0xE0) {
                pending = 2;
                codePoint = b & 0x0F;
            } else if (b >= 0xC0) {
                pending = 1;
                codePoint = b & 0x1F;
            } else if (b == '\r') {
                col = 0;
            } else if (b == '\n') {
                row++;
            } else if (b >= 0x20 && b < 0x7F) {
                put((char) b);
            }
        }

        private void put(char c) {
            if (row >= 0 && row < cells.length && col >= 0 && col < cells[0].length) {
                cells[row][col] = c;
            }
            col++;
        }

        synchronized long bytes() {
            return bytes;
        }

        synchronized boolean contains(String text) {
            for (char[] r : cells) {
                if (new String(r).contains(text)) {
                    return true;
                }
            }
            return false;
        }

        synchronized String text() {
            StringBuilder b = new StringBuilder();
            for (char[] r : cells) {
                b.append(new String(r).stripTrailing()).append('\n');
            }
            return b.toString();
        }
    }
}
