package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyInputTest {

    private static String readAll(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        byte[] buf = new byte[16];
        int n;
        while ((n = in.read(buf, 0, buf.length)) > 0) {
            b.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return b.toString();
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void aBareCrBecomesLfAndCrLfBecomesOneLf() throws IOException {
        assertThat(readAll(new KeyInput(bytes("n\rm\r\nq\n"), () -> { }))).isEqualTo("n\nm\nq\n");
    }

    @Test
    void aCrLfSplitAcrossReadsIsStillOneEnter() throws IOException {
        // the stream hands out "a\r" and "\nb" in two separate reads
        InputStream split = new SequenceInputStream(java.util.Collections.enumeration(List.of(bytes("a\r"), bytes("\nb"))));
        assertThat(readAll(new KeyInput(split, () -> { }))).isEqualTo("a\nb");
    }

    @Test
    void singleByteReadsFilterTheSameWay() throws IOException {
        KeyInput in = new KeyInput(bytes("\r\n\rx"), () -> { });
        assertThat(new int[] {in.read(), in.read(), in.read(), in.read()}).containsExactly('\n', '\n', 'x', -1);
    }

    @Test
    void everyReadWithKeysMarksAKeyPress() throws IOException {
        AtomicInteger presses = new AtomicInteger();
        KeyInput in = new KeyInput(bytes("abc"), presses::incrementAndGet);
        in.read();
        in.read(new byte[8], 0, 8);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(presses.get()).isEqualTo(2);
    }

    @Test
    void otherControlKeysPassUnchanged() throws IOException {
        // Ctrl-C, Ctrl-D, Ctrl-Z, Ctrl-\, Esc: the lab handles them as keys
        assertThat(readAll(new KeyInput(bytes("\u0003\u0004\u001a\u001c\u001b[A"), () -> { })))
                .isEqualTo("\u0003\u0004\u001a\u001c\u001b[A");
    }
}
