package org.backproplab.serve;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Checks sign-ins. A wrong class code is counted, and its address must then wait before its next
 * try is even looked at: 1 s after the first miss, doubling with each miss up to 30 s; a success
 * does not wipe the record (behind a shared address an attacker would get a fresh start with
 * every learner who signs in), which is forgotten {@value #FORGET_MINUTES} minutes after the last
 * miss. The whole server looks at no more than {@value #WRONG_CODES_PER_MINUTE} wrong codes a
 * minute, from all addresses together. Waiting is done by refusing early tries, never by sleeping
 * on the server's network threads; at the "Class code:" prompt the learner is told what happened
 * and how long to wait.
 */
final class Gatekeeper implements PasswordAuthenticator, KeyboardInteractiveAuthenticator, PublickeyAuthenticator {
    static final long SECOND = 1_000_000_000L;
    static final long FIRST_WAIT_NANOS = SECOND;
    static final long LONGEST_WAIT_NANOS = 30 * SECOND;
    static final int FORGET_MINUTES = 10;
    /** Against guessing from many addresses: about 14 years, on average, to find a code of 6 characters. */
    static final int WRONG_CODES_PER_MINUTE = 60;
    private static final AttributeKey<Outcome> LAST_TRY = new AttributeKey<>();

    /** What a try came to. */
    enum Verdict { RIGHT, WRONG, TOO_SOON, SERVER_BUSY }

    /** A try's verdict, and how long the address must wait before its next try is looked at. */
    record Outcome(Verdict verdict, long waitNanos) {
        boolean right() {
            return verdict == Verdict.RIGHT;
        }
    }

    private final SignIn signIn;
    private final PublickeyAuthenticator keys;
    private final LongSupplier clock;
    private final Map<InetAddress, Misses> missesByAddress = new HashMap<>();
    private final AtomicLong failures = new AtomicLong();
    /** The server's budget of wrong codes: refilled at one a second, up to a minute's worth. */
    private double budget = WRONG_CODES_PER_MINUTE;
    private long budgetAt;

    Gatekeeper(SignIn signIn, LongSupplier clock) {
        this.signIn = signIn;
        this.clock = clock;
        this.keys = signIn.authorizedKeys() != null ? lockedKeys(signIn.authorizedKeys()) : null;
        this.budgetAt = clock.getAsLong();
    }

    /** MINA's reader races when many sign in at once (some are refused): one at a time. */
    private static PublickeyAuthenticator lockedKeys(Path file) {
        AuthorizedKeysAuthenticator reader = new AuthorizedKeysAuthenticator(file);
        return (user, key, session) -> {
            synchronized (reader) {
                return reader.authenticate(user, key, session);
            }
        };
    }

    /** Failed sign-ins since the start (wrong codes and tries made while told to wait). */
    long failures() {
        return failures.get();
    }

    // ---- class code: typed as the password ----

    @Override
    public boolean authenticate(String user, String password, ServerSession session) {
        return tried(session, password).right();
    }

    // ---- class code at a "Class code:" prompt; open sign-in as a prompt with no questions ----

    @Override
    public InteractiveChallenge generateChallenge(ServerSession session, String user, String lang, String subMethods) {
        InteractiveChallenge c = new InteractiveChallenge();
        c.setInteractionName("Backprop Lab");
        c.setInteractionInstruction("");
        c.setLanguageTag("");
        if (!signIn.open()) {
            Outcome last = session != null ? session.getAttribute(LAST_TRY) : null;
            c.addPrompt(prompt(last, last == null ? 0 : waitNow(addressOf(session))), false);
        }
        return c;
    }

    /**
     * The prompt after a try: what became of it (without saying which part of a wrong code was
     * wrong) and how long to wait when that is more than a moment. The prompt is what OpenSSH
     * always shows; its other texts of a keyboard-interactive request are shown only at verbose
     * log levels.
     */
    static String prompt(Outcome last, long waitNanos) {
        String wait = waitNanos >= 3 * SECOND / 2 ? "too many tries, wait " + seconds(waitNanos) + " s" : null;
        if (last == null || last.right()) {
            return "Class code: ";
        }
        return switch (last.verdict()) {
            case WRONG -> wait == null ? "Wrong class code, try again. Class code: "
                    : "Wrong class code; " + wait + ". Class code: ";
            case TOO_SOON -> "Not checked: " + (wait != null ? wait : "too many tries, wait a moment")
                    + ". Class code: ";
            case SERVER_BUSY -> "Not checked: too many tries on this server, wait "
                    + seconds(Math.max(waitNanos, SECOND)) + " s. Class code: ";
            case RIGHT -> "Class code: ";
        };
    }

    /** Whole seconds, rounded up: waiting that long is enough. */
    private static long seconds(long nanos) {
        return (nanos + SECOND - 1) / SECOND;
    }

    @Override
    public boolean authenticate(ServerSession session, String user, List<String> responses) {
        if (signIn.open()) {
            return true;
        }
        return responses != null && responses.size() == 1 && tried(session, responses.get(0)).right();
    }

    // ---- public keys ----

    @Override
    public boolean authenticate(String user, PublicKey key, ServerSession session) {
        return keys != null && keys.authenticate(user, key, session);
    }

    /** Checks a code typed over this connection and keeps the outcome for its next prompt. */
    private Outcome tried(ServerSession session, String typed) {
        Outcome o = check(typed, addressOf(session));
        if (session != null) {
            session.setAttribute(LAST_TRY, o);
        }
        return o;
    }

    boolean checkCode(String typed, InetAddress from) {
        return check(typed, from).right();
    }

    synchronized Outcome check(String typed, InetAddress from) {
        long now = clock.getAsLong();
        if (signIn.classCode() == null) {
            return new Outcome(Verdict.WRONG, 0); // no code signs in here (keys only)
        }
        if (typed == null) {
            failures.incrementAndGet();
            return new Outcome(Verdict.WRONG, 0);
        }
        forgetOld(now);
        Misses m = missesByAddress.get(from);
        if (m != null && now < m.notBefore) {
            failures.incrementAndGet();
            return new Outcome(Verdict.TOO_SOON, m.notBefore - now); // too soon after a miss: not even compared
        }
        refill(now);
        if (budget < 1) {
            failures.incrementAndGet();
            return new Outcome(Verdict.SERVER_BUSY, (long) ((1 - budget) * SECOND));
        }
        if (sameCode(typed, signIn.classCode())) {
            return new Outcome(Verdict.RIGHT, 0);
        }
        budget -= 1;
        failures.incrementAndGet();
        Misses next = m == null ? Misses.first(now) : m.next(now);
        missesByAddress.put(from, next);
        return new Outcome(Verdict.WRONG, next.notBefore - now);
    }

    /** How long a try from {@code from} must wait now before it is looked at. */
    synchronized long waitNow(InetAddress from) {
        long now = clock.getAsLong();
        Misses m = missesByAddress.get(from);
        long own = m != null ? Math.max(0, m.notBefore - now) : 0;
        refill(now);
        long server = budget >= 1 ? 0 : (long) ((1 - budget) * SECOND);
        return Math.max(own, server);
    }

    private void refill(long now) {
        budget = Math.min(WRONG_CODES_PER_MINUTE, budget + (now - budgetAt) / (double) (60 * SECOND) * WRONG_CODES_PER_MINUTE);
        budgetAt = now;
    }

    /** Drops the records of addresses quiet for long: the map holds at most a few minutes' worth of misses. */
    private void forgetOld(long now) {
        long forget = FORGET_MINUTES * 60 * SECOND;
        missesByAddress.values().removeIf(m -> now - m.last >= forget);
    }

    /** Addresses with a record of misses (tests). */
    synchronized int remembered() {
        return missesByAddress.size();
    }

    /** Ignores case and spaces around the code (read off a board); compared in constant time. */
    private static boolean sameCode(String typed, String code) {
        byte[] a = typed.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        byte[] b = code.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(a, b);
    }

    private record Misses(int count, long notBefore, long last) {
        static Misses first(long now) {
            return new Misses(1, now + FIRST_WAIT_NANOS, now);
        }

        Misses next(long now) {
            long wait = Math.min(LONGEST_WAIT_NANOS, FIRST_WAIT_NANOS << Math.min(count, 5));
            return new Misses(count + 1, now + wait, now);
        }
    }

    private static InetAddress addressOf(ServerSession session) {
        return session != null ? Doorway.addressOf(session) : InetAddress.getLoopbackAddress();
    }
}
