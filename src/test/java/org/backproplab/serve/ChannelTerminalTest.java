package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.SignalListener;
import org.junit.jupiter.api.Test;

class ChannelTerminalTest {

    /** An environment as MINA keeps it: variables, and the WINCH listeners to call. */
    static final class FakeEnv implements Environment {
        final Map<String, String> vars = new HashMap<>();
        SignalListener winch;

        @Override
        public Map<String, String> getEnv() {
            return vars;
        }

        @Override
        public Map<PtyMode, Integer> getPtyModes() {
            return Map.of();
        }

        @Override
        public void addSignalListener(SignalListener listener, Collection<Signal> signals) {
            if (signals.contains(Signal.WINCH)) {
                winch = listener;
            }
        }

        @Override
        public void removeSignalListener(SignalListener listener) {
        }
    }

    private static ChannelTerminal terminal(FakeEnv env, Charset cs, ByteArrayOutputStream out) {
        return new ChannelTerminal(new ByteArrayInputStream(new byte[0]), out, cs, env);
    }

    @Test
    void theSizeComesFromThePtyRequestAndFollowsWindowChanges() throws Exception {
        FakeEnv env = new FakeEnv();
        env.vars.put(Environment.ENV_COLUMNS, "100");
        env.vars.put(Environment.ENV_LINES, "30");
        ChannelTerminal t = terminal(env, StandardCharsets.UTF_8, new ByteArrayOutputStream());
        assertThat(t.getTerminalSize()).isEqualTo(new TerminalSize(100, 30));

        TerminalSize[] told = new TerminalSize[1];
        t.addResizeListener((term, size) -> told[0] = size);
        env.vars.put(Environment.ENV_COLUMNS, "61");
        env.vars.put(Environment.ENV_LINES, "19");
        env.winch.signal(null, Signal.WINCH);
        assertThat(told[0]).isEqualTo(new TerminalSize(61, 19));
    }

    @Test
    void noSizeOrZeroByZeroOrNonsenseFallsBackTo80x24() {
        assertThat(ChannelTerminal.sizeOf(Map.of())).isEqualTo(new TerminalSize(80, 24));
        assertThat(ChannelTerminal.sizeOf(Map.of("COLUMNS", "0", "LINES", "0"))).isEqualTo(new TerminalSize(80, 24));
        assertThat(ChannelTerminal.sizeOf(Map.of("COLUMNS", "wide", "LINES", "30"))).isEqualTo(new TerminalSize(80, 24));
        assertThat(ChannelTerminal.sizeOf(Map.of("COLUMNS", "-5", "LINES", "30"))).isEqualTo(new TerminalSize(80, 24));
    }

    @Test
    void charactersAreEncodedExactlyWithNoTrailingNul() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChannelTerminal t = terminal(new FakeEnv(), StandardCharsets.UTF_8, out);
        t.putString("aé±×µ█");
        t.flush();
        // UTF-8 by the table: é C3 A9, ± C2 B1, × C3 97, µ C2 B5, █ (U+2588) E2 96 88
        assertThat(out.toByteArray()).containsExactly(
                0x61, 0xC3, 0xA9, 0xC2, 0xB1, 0xC3, 0x97, 0xC2, 0xB5, 0xE2, 0x96, 0x88);
    }

    @Test
    void aCharacterTheClientsCharsetLacksBecomesAQuestionMark() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChannelTerminal t = terminal(new FakeEnv(), StandardCharsets.US_ASCII, out);
        t.putString("ε=1");
        t.flush();
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("?=1");
    }
}
