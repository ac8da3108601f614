package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void controlAndFormatCharactersAreWrittenOutAndPrintableOnesKept() {
        assertThat(Printable.of("ada", 40)).isEqualTo("ada");
        assertThat(Printable.of("José Müller", 40)).isEqualTo("José Müller");
        assertThat(Printable.of("\u001b]2;PWNED\u0007", 40)).isEqualTo("\\x1b]2;PWNED\\x07");
        assertThat(Printable.of("a\r\nb\tc\u007f", 40)).isEqualTo("a\\x0d\\x0ab\\x09c\\x7f");
        assertThat(Printable.of("\u009b31m", 40)).as("C1 CSI").isEqualTo("\\x9b31m");
        assertThat(Printable.of("evil\u202etxt.exe", 40)).as("a bidirectional override").isEqualTo("evil\\u202etxt.exe");
        assertThat(Printable.of("a\\x1b", 40)).as("a backslash is written out too: no forged escapes")
                .isEqualTo("a\\\\x1b");
        assertThat(Printable.of("\ud800x", 40)).as("an unpaired surrogate").isEqualTo("\\ud800x");
        assertThat(Printable.of("\udb80\udc00", 40)).as("private use, plane 15").isEqualTo("\\U000f0000");
        assertThat(Printable.of(null, 40)).isEmpty();
    }

    @Test
    void longTextIsCutWithATildeNeverInsideAnEscapeOrACharacter() {
        assertThat(Printable.of("abcdefgh", 8)).isEqualTo("abcdefgh");
        assertThat(Printable.of("abcdefghi", 8)).isEqualTo("abcdefg~");
        assertThat(Printable.of("abcde\u001bfgh", 8)).isEqualTo("abcde~"); // \x1b does not fit before the ~
        assertThat(Printable.of("ab\ud83d\ude00\ud83d\ude00\ud83d\ude00", 5)).isEqualTo("ab\ud83d\ude00~");
        assertThat(Printable.clip("\\x1b]52;c;aWQK\\x07", 16)).isEqualTo("\\x1b]52;c;aWQK~");
    }
}
