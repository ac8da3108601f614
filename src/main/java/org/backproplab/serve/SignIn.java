package org.backproplab.serve;

import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * How learners sign in: a class code (typed as the password or at a "Class code:" prompt),
 * public keys from an authorized_keys file, both, or nothing at all ({@code open}, loopback only).
 */
public record SignIn(String classCode, Path authorizedKeys, boolean open) {

    public SignIn {
        if (open && (classCode != null || authorizedKeys != null)) {
            throw new IllegalArgumentException("open sign-in takes no class code and no keys");
        }
        if (!open && classCode == null && authorizedKeys == null) {
            throw new IllegalArgumentException("sign-in needs a class code, keys, or open");
        }
        if (classCode != null && classCode.isBlank()) {
            throw new IllegalArgumentException("the class code is empty");
        }
    }

    public static SignIn openDoor() {
        return new SignIn(null, null, true);
    }

    /** Letters and digits that cannot be misread for one another on a board (no 0/O, 1/l/I). */
    private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    /** Six characters of 31: short to type, about 30 bits (each more adds about 5). */
    public static final int DEFAULT_CODE_LENGTH = 6;
    public static final int LONGEST_CODE = 64;

    /** A fresh code of six characters, e.g. "k7m2qz". */
    public static String newClassCode() {
        return newClassCode(DEFAULT_CODE_LENGTH);
    }

    /** A fresh code of {@code length} characters. */
    public static String newClassCode(int length) {
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(CODE_ALPHABET.charAt(r.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }
}
