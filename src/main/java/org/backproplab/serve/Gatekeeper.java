package org.backproplab.serve;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Checks sign-ins. A wrong class code is counted, and its address must then wait before the next
 * try is even looked at: 1 s after the first miss, doubling with each miss up to 30 s. Waiting is
 * done by refusing early tries, never by sleeping on the server's network threads.
 */
final class Gatekeeper implements PasswordAuthenticator, KeyboardInteractiveAuthenticator, PublickeyAuthenticator {
    static final long FIRST_WAIT_NANOS = 1_000_000_000L;
    static final long LONGEST_WAIT_NANOS = 30_000_000_000L;

    private final SignIn signIn;
    private final PublickeyAuthenticator keys;
    private final LongSupplier clock;
    private final Map<InetAddress, Misses> missesByAddress = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();

    Gatekeeper(SignIn signIn, LongSupplier clock) {
        this.signIn = signIn;
        this.clock = clock;
        this.keys = signIn.authorizedKeys() != null ? lockedKeys(signIn.authorizedKeys()) : null;
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
        return checkCode(password, addressOf(session));
    }

    // ---- class code at a "Class code:" prompt; open sign-in as a prompt with no questions ----

    @Override
    public InteractiveChallenge generateChallenge(ServerSession session, String user, String lang, String subMethods) {
        InteractiveChallenge c = new InteractiveChallenge();
        c.setInteractionName("Backprop Lab");
        c.setInteractionInstruction("");
        c.setLanguageTag("");
        if (!signIn.open()) {
            c.addPrompt("Class code: ", false);
        }
        return c;
    }

    @Override
    public boolean authenticate(ServerSession session, String user, List<String> responses) {
        if (signIn.open()) {
            return true;
        }
        return responses != null && responses.size() == 1 && checkCode(responses.get(0), addressOf(session));
    }

    // ---- public keys ----

    @Override
    public boolean authenticate(String user, PublicKey key, ServerSession session) {
        return keys != null && keys.authenticate(user, key, session);
    }

    boolean checkCode(String typed, InetAddress from) {
        if (signIn.classCode() == null || typed == null) {
            return false;
        }
        long now = clock.getAsLong();
        Misses m = missesByAddress.get(from);
        if (m != null && now < m.notBefore) {
            failures.incrementAndGet();
            return false; // too soon after a miss: not even compared
        }
        if (sameCode(typed, signIn.classCode())) {
            missesByAddress.remove(from);
            return true;
        }
        failures.incrementAndGet();
        missesByAddress.merge(from, Misses.first(now), (old, first) -> old.next(now));
        return false;
    }

    /** Ignores case and spaces around the code (read off a board); compared in constant time. */
    private static boolean sameCode(String typed, String code) {
        byte[] a = typed.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        byte[] b = code.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(a, b);
    }

    private record Misses(int count, long notBefore) {
        static Misses first(long now) {
            return new Misses(1, now + FIRST_WAIT_NANOS);
        }

        Misses next(long now) {
            long wait = Math.min(LONGEST_WAIT_NANOS, FIRST_WAIT_NANOS << Math.min(count, 5));
            return new Misses(count + 1, now + wait);
        }
    }

    private static InetAddress addressOf(ServerSession session) {
        if (session != null && session.getClientAddress() instanceof InetSocketAddress i && i.getAddress() != null) {
            return i.getAddress();
        }
        return InetAddress.getLoopbackAddress();
    }
}
