package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabShellTest {

    @Test
    void aTerminalIsNeededAndDumbIsNotEnough() {
        String connect = "ssh -p 2222 ada@10.0.0.1";
        assertThat(LabShell.terminalProblem(Map.of("TERM", "xterm-256color"), connect)).isNull();
        assertThat(LabShell.terminalProblem(Map.of("TERM", "vt100"), connect)).isNull();
        assertThat(LabShell.terminalProblem(Map.of(), connect)).isEqualTo("Backprop Lab needs a terminal: connect with"
                + " plain 'ssh -p 2222 ada@10.0.0.1', without -T or a command.");
        assertThat(LabShell.terminalProblem(Map.of("TERM", "dumb"), connect)).contains("TERM=dumb");
    }

    @Test
    void theCharsetFollowsTheFirstLocaleVariableSetAndIsUtf8WhenNoneIs() {
        assertThat(LabShell.charsetOf(Map.of())).isEqualTo(StandardCharsets.UTF_8);
        assertThat(LabShell.charsetOf(Map.of("LANG", "en_GB.UTF-8"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(LabShell.charsetOf(Map.of("LANG", "de_DE.utf8"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(LabShell.charsetOf(Map.of("LANG", "C"))).isEqualTo(StandardCharsets.US_ASCII);
        assertThat(LabShell.charsetOf(Map.of("LANG", "en_US.UTF-8", "LC_ALL", "POSIX"))).isEqualTo(StandardCharsets.US_ASCII);
        assertThat(LabShell.charsetOf(Map.of("LANG", "C", "LC_CTYPE", "C.UTF-8"))).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void noColorWithAValueTurnsColourOff() {
        assertThat(LabShell.colourWanted(Map.of())).isTrue();
        assertThat(LabShell.colourWanted(Map.of("NO_COLOR", ""))).isTrue();
        assertThat(LabShell.colourWanted(Map.of("NO_COLOR", "1"))).isFalse();
    }
}
