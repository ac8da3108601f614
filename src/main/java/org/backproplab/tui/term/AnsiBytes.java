package org.backproplab.tui.term;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The bytes a frame is made of, made once and shared: a cursor move to each position, and each
 * character encoded exactly. Lanterna builds a new string and byte array for every cursor move and
 * every character it writes; the terminals here ({@link LocalTerminal}, and the SSH server's and the
 * off-screen one through {@link ExactAnsiTerminal}) hand out these instead. Every array is
 * immutable once published (streams copy what they are given), and published through an
 * {@link AtomicReferenceArray}: labs on other threads (the SSH server's) read the same tables, and
 * a plain array store would let one of them see a new array before its bytes.
 */
public final class AnsiBytes {
    /** Positions beyond this get a fresh array each time (no terminal is that large in practice). */
    private static final int MAX = 1024;
    private static final byte[][] ASCII = new byte[0x80][];
    /** [row][column], each row made when first needed. */
    private static final AtomicReferenceArray<AtomicReferenceArray<byte[]>> CURSOR = new AtomicReferenceArray<>(MAX);
    /** [high byte][low byte] of characters beyond ASCII, in UTF-8. */
    private static final AtomicReferenceArray<AtomicReferenceArray<byte[]>> UTF8 = new AtomicReferenceArray<>(256);

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
        byte[] b = slot(CURSOR, row, MAX).get(col);
        if (b == null) {
            b = cursorBytes(col, row);
            slot(CURSOR, row, MAX).set(col, b); // two threads may both make it: equal bytes either way
        }
        return b;
    }

    /** A control sequence's bytes (ASCII). */
    static byte[] ascii(String sequence) {
        return sequence.getBytes(StandardCharsets.US_ASCII);
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
        AtomicReferenceArray<byte[]> page = slot(UTF8, c >>> 8, 256);
        byte[] b = page.get(c & 0xFF);
        if (b == null) {
            b = encodeOnce(c, charset);
            page.set(c & 0xFF, b);
        }
        return b;
    }

    /** The table's row i, made (once, whoever gets there first) when first needed. */
    private static AtomicReferenceArray<byte[]> slot(AtomicReferenceArray<AtomicReferenceArray<byte[]>> table, int i,
                                                     int length) {
        AtomicReferenceArray<byte[]> row = table.get(i);
        if (row == null) {
            table.compareAndSet(i, null, new AtomicReferenceArray<>(length));
            row = table.get(i);
        }
        return row;
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
