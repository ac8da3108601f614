package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's table of keys is the key table's: the lab's keys, footer and help read
 * {@link Keymap#BINDINGS}, and so does this test, so the README cannot drift from what a key does.
 */
class ReadmeKeysTest {
    static final String BEGIN = "<!-- keys: from the key table (Keymap), checked by ReadmeKeysTest -->";
    static final String END = "<!-- /keys -->";

    /** The table as the README writes it. */
    static String table() {
        StringBuilder b = new StringBuilder("| key | what it does |\n|---|---|\n");
        for (Keymap.Binding k : Keymap.BINDINGS) {
            b.append("| ").append(k.label(false).replace("|", "\\|")).append(" | ")
                    .append(k.description().replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void theReadmeListsEveryKeyAsTheLabDoes() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf(BEGIN);
        int to = readme.indexOf(END);
        assertThat(from).as("the README marks its key table with " + BEGIN).isNotNegative();
        assertThat(to).isGreaterThan(from);
        String written = readme.substring(from + BEGIN.length(), to).strip() + "\n";
        assertThat(written).as("the README's keys; write them as the key table has them:%n%s", table())
                .isEqualTo(table());
    }

    public static void main(String[] args) {
        System.out.print(table());
    }
}
