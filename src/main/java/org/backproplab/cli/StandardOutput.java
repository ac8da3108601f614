package org.backproplab.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.backproplab.io.FileErrors;

/**
 * The commands' standard output: a PrintWriter, which (like every PrintWriter) swallows a failed
 * write and only sets a flag ({@link #checkError()}), but which also remembers why it failed, so
 * that {@link Main} can say so in one line ("no space left on device") and exit 1.
 */
final class StandardOutput extends PrintWriter {
    private final Recorder recorder;

    private StandardOutput(Recorder recorder, Charset charset) {
        super(new OutputStreamWriter(recorder, charset), true);
        this.recorder = recorder;
    }

    /** File descriptor 1, in the charset {@code System.out} uses. */
    static StandardOutput open() {
        String encoding = System.getProperty("sun.stdout.encoding");
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding)
                : Charset.defaultCharset();
        return new StandardOutput(new Recorder(new FileOutputStream(FileDescriptor.out)), charset);
    }

    /** Why the first failed write failed, in a few words, or null when none failed. */
    String failure() {
        IOException e = recorder.first;
        return e == null ? null : FileErrors.reason(e);
    }

    /** Passes bytes on and keeps the first exception. */
    private static final class Recorder extends FilterOutputStream {
        private volatile IOException first;

        Recorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw kept(e);
            }
        }

        private IOException kept(IOException e) {
            if (first == null) {
                first = e;
            }
            return e;
        }
    }
}
