package org.backproplab.tui.term;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects what Lanterna writes for a frame (it writes every escape sequence separately) and
 * hands it to the terminal in one write on flush: one system call per frame instead of a hundred,
 * and no half frame on the wire. Lanterna flushes after every refresh and mode change.
 */
public final class FrameOutputStream extends OutputStream {
    private final OutputStream out;
    private byte[] buffer = new byte[16 * 1024];
    private int size;
    private long bytesWritten;
    private long writes;

    public FrameOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) {
        ensure(1);
        buffer[size++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buffer, size, len);
        size += len;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (size > 0) {
            out.write(buffer, 0, size);
            bytesWritten += size;
            writes++;
            size = 0;
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** Bytes handed to the terminal so far. */
    public synchronized long bytesWritten() {
        return bytesWritten;
    }

    /** Write calls made to the terminal so far (one per flushed frame). */
    public synchronized long writes() {
        return writes;
    }
}
