package org.backproplab.tui;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a frame is made of, made once and shared: a cursor move to each position, and each
 * character encoded exactly. Lanterna builds a new string and byte array for every cursor move and
 * every character it writes; the terminals here ({@link LocalTerminal}, and the SSH server's and the
 * off-screen one through {@link ExactAnsiTerminal}) hand out these instead. Every array is
 * immutable once published (streams copy what they are given).
 */
public final class AnsiBytes {
    /** Positions beyond this get a fresh array each time (no terminal is that large in practice). */
    private static final int MAX = 1024;
    private static final byte[][] ASCII = new byte[0x80][];
    /** [row][column], each row made when first needed. */
    private static final byte[][][] CURSOR = new byte[MAX][][];
    /** [high byte][low byte] of characters beyond ASCII, in UTF-8. */
    private static final byte[][][] UTF8 = new byte[256][][];

    static {
        for (int c = 0; c < ASCII.length; c++) {
            ASCII[c] = new byte[] {(byte) c};
        }
    }

    private AnsiBytes() {
    }

    /** CSI row;col H, for a 0-based column and row. */
    public static byte[] cursor(int col, int row) {
        if (col < 0 || row < 0 || col >= MAX || row >= MAX) return cursorBytes(col, row);
        byte[][] line = CURSOR[row];
        if (line == null) {
            line = new byte[MAX][];
            CURSOR[row] = line; // benign race: an equal row
        }
        byte[] b = line[col];
        if (b == null) {
            b = cursorBytes(col, row);
            line[col] = b;
        }
        return b;
    }

    private static byte[] cursorBytes(int col, int row) {
        return ("\033[" + (row + 1) + ";" + (col + 1) + "H").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Exactly the bytes of one character in {@code charset} ('?' where it has none). Lanterna's own
     * encoding returns the encoder's whole backing array, which carries a NUL after every two-byte
     * character (é ± × µ).
     */
    public static byte[] encode(char c, Charset charset) {
        if (c < 0x80) return ASCII[c];
        if (!charset.equals(StandardCharsets.UTF_8)) return encodeOnce(c, charset);
        byte[][] page = UTF8[c >>> 8];
        if (page == null) {
            page = new byte[256][];
            UTF8[c >>> 8] = page;
        }
        byte[] b = page[c & 0xFF];
        if (b == null) {
            b = encodeOnce(c, charset);
            page[c & 0xFF] = b;
        }
        return b;
    }

    private static byte[] encodeOnce(char c, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            ByteBuffer b = encoder.encode(CharBuffer.wrap(new char[] {c}));
            byte[] exact = new byte[b.remaining()];
            b.get(exact);
            return exact;
        } catch (CharacterCodingException e) {
            return ASCII['?'];
        }
    }
}
