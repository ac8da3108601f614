package org.backproplab.cli;

import com.googlecode.lanterna.TerminalSize;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backproplab.format.Numbers;
import org.backproplab.serve.Balancers;
import org.backproplab.serve.ClassServer;
import org.backproplab.serve.ConsoleTable;
import org.backproplab.serve.ConsoleText;
import org.backproplab.serve.LabFactory;
import org.backproplab.serve.ServeSettings;
import org.backproplab.serve.ServeSettings.Limits;
import org.backproplab.serve.SessionRow;
import org.backproplab.serve.SignIn;
import org.backproplab.train.Config;
import org.backproplab.tui.term.LocalTerminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code backprop-lab serve}: a classroom over SSH, every learner with their own lab. */
@Command(name = "serve",
        description = {
            "Serve the lab over SSH: every learner types 'ssh -p PORT HOST' and gets their own lab, with nothing to install.",
            "The lab options (--preset, --seed, ...) set where each new lab starts."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every network).")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_PORT,
            description = "Port to listen on, 1..65535 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host-key", paramLabel = "FILE",
            description = "The server's key, made on first use and kept (default: backprop-lab/host-key in the user's config folder).")
    Path hostKey;

    /** Where a class code can come from without showing in {@code ps}. */
    static final String CODE_VARIABLE = "BACKPROP_LAB_CLASS_CODE";

    @Option(names = "--class-code", paramLabel = "CODE",
            description = {"The code learners type to sign in (default: a new one, printed at start).",
                "Every user of this machine can read it in 'ps' while the server runs: --class-code-file or the "
                        + CODE_VARIABLE + " environment variable keep it out of sight."})
    String classCode;

    @Option(names = "--class-code-file", paramLabel = "FILE",
            description = "Read the class code from the first line of FILE (not shown in 'ps').")
    Path classCodeFile;

    @Option(names = "--code-length", paramLabel = "N", defaultValue = "" + SignIn.DEFAULT_CODE_LENGTH,
            description = "Characters of a new class code, " + SignIn.DEFAULT_CODE_LENGTH + ".." + SignIn.LONGEST_CODE
                    + " (default: ${DEFAULT-VALUE}, about 30 bits; each one more adds about 5 bits).")
    int codeLength;

    @Option(names = "--authorized-keys", paramLabel = "FILE",
            description = "Public keys that may sign in (OpenSSH authorized_keys format, ed25519 included).")
    Path authorizedKeys;

    @Option(names = "--open", description = "No sign-in at all; only when bound to a loopback address.")
    boolean open;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MAX_SESSIONS,
            description = "Learners in at once, at most (default: ${DEFAULT-VALUE}): each lab, and each connection"
                    + " signed in without a lab yet, takes a place.")
    int maxSessions;

    @Option(names = "--max-per-address", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MAX_PER_ADDRESS,
            description = "Places from one address, at most, and as many connections from it still signing in"
                    + " (default: ${DEFAULT-VALUE}; raise it for a class behind one NAT address).")
    int maxPerAddress;

    @Option(names = "--max-signing-in", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MAX_SIGNING_IN,
            description = "Connections not signed in yet, at most, from everyone together (default: ${DEFAULT-VALUE}).")
    int maxSigningIn;

    @Option(names = "--sign-in-time", paramLabel = "TIME", defaultValue = "60s", converter = DurationConverter.class,
            description = "Close a connection not signed in this long after it opened, whatever it sends"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration signInTime;

    @Option(names = "--idle-timeout", paramLabel = "TIME", defaultValue = "30m", converter = DurationConverter.class,
            description = "End a lab after this long without a key press: 90s, 30m, 2h (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--shared", description = "One lab that everyone watches live; the first learner in drives it,"
            + " and when they leave the one in longest takes over.")
    boolean shared;

    @Option(names = "--proxy-protocol-from", paramLabel = "ADDR", split = ",",
            description = {"Behind a balancer such as HAProxy: read the PROXY protocol header (v1 or v2) on connections"
                    + " from these addresses, CIDR ranges (10.0.0.0/24) or names (resolved once), so that the caps,"
                    + " the sign-in back-off and the console see each learner's own address.",
                "A connection from them must begin with a header, or it is closed; one from anywhere else is served"
                        + " directly, and closed if it sends a header (never believed). Default: no header is read."})
    List<String> proxyProtocolFrom;

    @Mixin
    ConfigOptions lab = new ConfigOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ServeSettings settings = settings();
        Config config = lab.toConfig();
        PrintWriter out = spec.commandLine().getOut();
        LabFactory labs = LabFactory.forClass(config, lab.preset().id(), shared);
        ClassServer server;
        try {
            server = ClassServer.start(settings, labs);
        } catch (BindException e) {
            throw new IOException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop(); // every learner's terminal is restored before the server closes
            } catch (IOException e) {
                // exiting anyway
            }
            stopped.countDown();
        }, "class over"));
        Heap.keepTight(); // and the console collects once whenever the room empties
        new Console(out, server, header(server, settings), System.console() != null).run(stopped);
        return 0;
    }

    private ServeSettings settings() {
        if (port < 1 || port > 65535) {
            throw new Errors.UsageException("--port must be 1..65535, got " + port);
        }
        if (maxSessions < 1) {
            throw new Errors.UsageException("--max-sessions must be at least 1, got " + maxSessions);
        }
        if (maxPerAddress < 1) {
            throw new Errors.UsageException("--max-per-address must be at least 1, got " + maxPerAddress);
        }
        if (maxSigningIn < 1) {
            throw new Errors.UsageException("--max-signing-in must be at least 1, got " + maxSigningIn);
        }
        if (codeLength < SignIn.DEFAULT_CODE_LENGTH || codeLength > SignIn.LONGEST_CODE) {
            throw new Errors.UsageException("--code-length must be " + SignIn.DEFAULT_CODE_LENGTH + ".."
                    + SignIn.LONGEST_CODE + ", got " + codeLength);
        }
        List<InetAddress> addresses;
        try {
            addresses = ServeSettings.resolve(bind);
        } catch (UnknownHostException e) {
            throw new Errors.UsageException("--bind: unknown address '" + bind + "'");
        }
        String code = givenCode();
        Balancers balancers = balancers();
        SignIn signIn;
        if (open) {
            if (balancers.any()) {
                throw new Errors.UsageException("--open (no sign-in) and --proxy-protocol-from: a balancer brings"
                        + " learners from other machines, and --open is for this machine alone");
            }
            if (code != null || authorizedKeys != null) {
                throw new Errors.UsageException("--open means no sign-in: drop --class-code, --class-code-file,"
                        + " --authorized-keys and " + CODE_VARIABLE);
            }
            InetAddress outside = ServeSettings.notLoopback(addresses); // every address that will be bound
            if (outside != null) {
                throw new Errors.UsageException("--open (no sign-in) is allowed only on a loopback address such as"
                        + " 127.0.0.1, not " + bind + (outside.getHostAddress().equals(bind) ? ""
                        : " (it stands for " + outside.getHostAddress() + " too)"));
            }
            signIn = SignIn.openDoor();
        } else {
            if (authorizedKeys != null && !Files.isReadable(authorizedKeys)) {
                throw new Errors.UsageException("--authorized-keys: cannot read " + authorizedKeys);
            }
            if (code == null && authorizedKeys == null) {
                code = SignIn.newClassCode(codeLength);
            }
            signIn = new SignIn(code, authorizedKeys, false);
        }
        Limits limits = new Limits(maxSessions, maxPerAddress, idleTimeout, maxSigningIn, signInTime,
                Limits.DEFAULT_LAB_WAIT, Limits.DEFAULT_KEEP_ALIVE, Limits.DEFAULT_KEEP_ALIVE_MISSES);
        return new ServeSettings(bind, addresses, port, hostKey != null ? hostKey : ClassServer.defaultHostKey(),
                signIn, limits, shared, balancers);
    }

    /** The balancers of --proxy-protocol-from, their names resolved now; none without it. */
    private Balancers balancers() {
        if (proxyProtocolFrom == null || proxyProtocolFrom.isEmpty()) {
            return Balancers.NONE;
        }
        try {
            return Balancers.of(proxyProtocolFrom, InetAddress::getAllByName);
        } catch (IllegalArgumentException e) {
            throw new Errors.UsageException("--proxy-protocol-from: " + e.getMessage());
        } catch (UnknownHostException e) {
            throw new Errors.UsageException("--proxy-protocol-from: unknown address '" + e.getMessage() + "'");
        }
    }

    /** The class code from --class-code, --class-code-file or the environment; null when none is given. */
    private String givenCode() {
        if (classCode != null && classCodeFile != null) {
            throw new Errors.UsageException("--class-code and --class-code-file: give one of them");
        }
        if (classCode != null) {
            if (classCode.isBlank()) {
                throw new Errors.UsageException("--class-code must not be empty");
            }
            return classCode.strip();
        }
        if (classCodeFile != null) {
            String first;
            try (java.io.BufferedReader r = Files.newBufferedReader(classCodeFile)) {
                first = r.readLine();
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new Errors.UsageException("--class-code-file: cannot read " + classCodeFile);
            }
            if (first == null || first.isBlank()) {
                throw new Errors.UsageException("--class-code-file: the first line of " + classCodeFile + " is empty");
            }
            return first.strip();
        }
        String fromEnvironment = System.getenv(CODE_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
    }

    /**
     * The console's header, before it is fitted to a width: words joined by {@link ConsoleText#KEEP}
     * stay on one line (what learners type above all), and the host key's fingerprint has a line of
     * its own, whole, as learners compare it with what their {@code ssh} shows.
     */
    static List<String> header(ClassServer server, ServeSettings s) {
        SignIn in = s.signIn();
        String how = in.open() ? "none (open: anyone who can reach " + s.bind() + ")"
                : (in.classCode() != null ? keep("class code " + in.classCode()) + " (at the prompt or as the password)" : "")
                + (in.classCode() != null && in.authorizedKeys() != null ? ", or " : "")
                + (in.authorizedKeys() != null ? "a key in " + in.authorizedKeys() : "");
        List<String> lines = new java.util.ArrayList<>();
        lines.add("Backprop Lab class server" + (s.shared() ? " (shared: one lab, everyone watches)" : ""));
        if (s.balancers().any()) {
            lines.add("  learners type:  " + keep("ssh -p PORT NAME@ADDRESS") + " of the balancer (this server,"
                    + " behind it: " + displayHost(s.bind()) + ":" + server.port() + ")");
            lines.add("  balancer:       PROXY protocol from " + s.balancers()
                    + " (learners are shown at their own addresses)");
        } else {
            lines.add("  learners type:  " + keep("ssh -p " + server.port() + " NAME@") + displayHost(s.bind()));
        }
        lines.addAll(List.of(
                "  sign-in:        " + how,
                "  host key:       " + server.hostKeyType() + " (learners see it on first connection):",
                "                  " + server.fingerprint(),
                "  limits:         " + keep(s.limits().maxSessions() + " places") + ", "
                        + keep(s.limits().maxPerAddress() + " per address") + "; sign in within "
                        + keep(idle(s.limits().signInTime())) + " (" + keep(s.limits().maxSigningIn() + " signing in")
                        + " at most); idle labs end after " + keep(idle(s.limits().idleTimeout())),
                "  Ctrl-C ends the class (every learner's terminal is restored first)."));
        return lines;
    }

    /** {@code words} kept on one line of the console. */
    private static String keep(String words) {
        return words.replace(' ', ConsoleText.KEEP);
    }

    /** The address learners type: the bound one, or this machine's own addresses when bound to all. */
    private static String displayHost(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::")) {
            List<String> mine = ownAddresses();
            return mine.isEmpty() ? "THIS-MACHINE" : String.join("  or  NAME@", mine);
        }
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }

    /** This machine's IPv4 addresses on interfaces that are up, loopback left out (at most three). */
    private static List<String> ownAddresses() {
        List<String> found = new java.util.ArrayList<>();
        try {
            for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address && found.size() < 3) {
                        found.add(a.getHostAddress());
                    }
                }
            }
        } catch (java.net.SocketException e) {
            // no list: the placeholder says what to type
        }
        return found;
    }

    private static String idle(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    /**
     * Redraws the header and the table each second on a terminal, fitted to its width (asked
     * again at each redraw, so a resize is followed within a second); prints changes only
     * otherwise. Connections closed before SSH began are one line for each kind, with a count; the
     * balancer's health checks are a count in the status line (once, when they start, in a log).
     * In a log the header is fitted to {@value ConsoleText#LOG_WIDTH} columns (it reads as on an
     * 80-column screen, the fingerprint one line that grep finds whole), and each event after it is
     * one line however long, since a log is read with grep, awk and tail: a list of learners or a
     * notice cut over several lines would no longer be found whole by one pattern.
     */
    private record Console(PrintWriter out, ClassServer server, List<String> header, boolean live) {
        void run(CountDownLatch stopped) throws InterruptedException {
            int width = width();
            ConsoleText.fit(header, width).forEach(out::println);
            out.flush();
            String last = null;
            List<String> noticed = List.of();
            boolean checksSaid = false;
            int before = 0;
            do {
                List<SessionRow> rows = server.sessions();
                if (rows.isEmpty() && before > 0) {
                    System.gc(); // everyone left: give the memory back (a few ms with nothing live)
                }
                before = rows.size();
                String failures = server.failedSignIns() > 0
                        ? "  " + keep("failed sign-ins: " + server.failedSignIns()) : "";
                List<String> notices = server.notices();
                long checks = server.healthChecks();
                if (live) {
                    width = width();
                    List<String> screen = new java.util.ArrayList<>(header);
                    int waiting = server.signingIn();
                    screen.add("");
                    screen.add(keep(rows.size() + (rows.size() == 1 ? " learner" : " learners")) + failures
                            + (waiting > 0 ? "  " + keep("connections not signed in yet: " + waiting) : "")
                            + (checks > 0 ? "  " + keep("balancer health checks: " + Numbers.count(checks)) : ""));
                    screen.addAll(notices);
                    StringBuilder b = new StringBuilder("\033[H\033[2J");
                    ConsoleText.fit(screen, width).forEach(line -> b.append(line).append('\n'));
                    ConsoleTable.render(rows, Instant.now(), width).forEach(t -> b.append(t).append('\n'));
                    out.print(b);
                    out.flush();
                } else {
                    if (checks > 0 && !checksSaid) {
                        out.println("The balancer's health checks are answered (counted quietly from now on).");
                        checksSaid = true;
                    }
                    for (String n : notices) {
                        if (!noticed.contains(n)) {
                            out.println(n);
                        }
                    }
                    noticed = notices;
                    String who = keep(rows.size() + (rows.size() == 1 ? " learner" : " learners")) + failures;
                    String key = who + rows.stream().map(r -> r.who() + r.from() + r.since()).toList();
                    if (!key.equals(last)) {
                        String line = who + (rows.isEmpty() ? "" : ": " + String.join(", ",
                                rows.stream().map(r -> r.who() + "@" + r.from()).toList()));
                        out.println(line.replace(ConsoleText.KEEP, ' '));
                        last = key;
                    }
                    out.flush();
                }
            } while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS));
        }

        /** The terminal's columns (the lines fit even a narrow one); a log's fixed width otherwise. */
        private int width() {
            return live ? LocalTerminal.ttySize().map(TerminalSize::getColumns).orElse(ConsoleText.LOG_WIDTH)
                    : ConsoleText.LOG_WIDTH;
        }
    }

    /** 90s, 30m, 2h; a bare number is minutes. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*([smh]?)");

        @Override
        public Duration convert(String s) {
            Matcher m = FORM.matcher(s.strip().toLowerCase(Locale.ROOT));
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw new TypeConversionException("'" + s + "' is not a time such as 90s, 30m or 2h");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            };
        }
    }
}
