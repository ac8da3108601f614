package org.backproplab.serve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A learner's keys as they arrive on the channel. With no pseudo-terminal on the server side,
 * Enter arrives as a bare CR, which Lanterna drops together with the key after it: CR becomes LF
 * (and the LF of a CR LF pair is dropped). Every read also marks the time of the last key, which
 * the idle timeout counts from.
 */
final class KeyInput extends FilterInputStream {
    private final Runnable onKey;
    private boolean afterCr;

    KeyInput(InputStream in, Runnable onKey) {
        super(in);
        this.onKey = onKey;
    }

    @Override
    public synchronized int read() throws IOException {
        while (true) {
            int b = super.read();
            if (b < 0) {
                return b;
            }
            onKey.run();
            boolean skip = b == '\n' && afterCr;
            afterCr = b == '\r';
            if (!skip) {
                return b == '\r' ? '\n' : b;
            }
        }
    }

    @Override
    public synchronized int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n = super.read(buf, off, len);
            if (n <= 0) {
                return n;
            }
            onKey.run();
            int w = off;
            for (int i = off; i < off + n; i++) {
                byte b = buf[i];
                boolean skip = b == '\n' && afterCr;
                afterCr = b == '\r';
                if (!skip) {
                    buf[w++] = b == '\r' ? (byte) '\n' : b;
                }
            }
            if (w > off) {
                return w - off;
            }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported on key input");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
