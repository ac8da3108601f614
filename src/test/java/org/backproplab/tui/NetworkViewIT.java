package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.backproplab.train.Preset;
import org.backproplab.train.Training;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real jar in tmux: v draws the network, t traces one epoch, n walks all of it, Esc leaves one epoch on. */
class NetworkViewIT {
    private static String java;
    private static String jar;

    @BeforeAll
    static void setUp() {
        Tmux.assumeInstalled();
        jar = TheJar.built();
        java = TheJar.java();
    }

    @Test
    void theNetworkAndAWholeTracedEpoch() throws Exception {
        double[] start = Preset.TEXTBOOK.defaults().initialParameters();
        Training one = new Training(Preset.TEXTBOOK.defaults());
        one.step();
        try (Tmux t = new Tmux().start(80, 24, "'" + java + "' -jar '" + jar + "'")) {
            t.await("first full frame", 15, s -> s.contains("epoch 0") && s.contains("q quit"));
            t.keys("v");
            String view = t.await("the network", 5, s -> s.contains("The network 2-2-1"));
            for (double w : start) assertThat(view).contains(String.format(Locale.ROOT, "%+.4f", w));
            t.keys("t");
            String first = t.await("the trace", 5, s -> s.contains("Trace, chain rule: step 1 of "));
            int steps = Integer.parseInt(first.replaceAll("(?s).*step 1 of (\\d+).*", "$1"));
            assertThat(first).contains("forward, row 1 of 4");
            String[] n = new String[steps - 1];
            Arrays.fill(n, "n");
            t.keys(n);
            String last = t.await("the last step", 10, s -> s.contains("step " + steps + " of " + steps));
            assertThat(last).contains("update");
            t.keys("Left");
            t.await("one back", 5, s -> s.contains("step " + (steps - 1) + " of " + steps));
            t.keys("Escape");
            String after = t.await("one epoch on", 5, s -> Tmux.epoch(s) == 1 && s.contains("Weights & biases"));
            for (double w : one.parameters()) assertThat(after).contains(String.format(Locale.ROOT, "%+.4f", w));
            t.keys("q");
            String exit = t.awaitExit("q", 5);
            assertThat(exit).contains("EXITED rc=0");
            assertThat(Tmux.terminalSane(exit)).isTrue();
        }
    }

    @Test
    void threeUnitsInAsciiWithoutColourAtTheMinimumSize() throws Exception {
        try (Tmux t = new Tmux().start(80, 24, "NO_COLOR=1 '" + java + "' -jar '" + jar + "' --ascii --hidden 3")) {
            t.await("first full frame", 15, s -> s.contains("epoch 0") && s.contains("q quit"));
            t.keys("v");
            String s = t.await("the network", 5, x -> x.contains("The network 2-3-1") && x.contains("h3 b "));
            assertThat(s.chars().allMatch(c -> c == '\n' || (c >= 32 && c < 127))).as("ASCII only").isTrue();
            assertThat(t.screenWithEscapes()).doesNotContainPattern("\u001b\\[(3[0-7]|9[0-7]|38;)");
            t.keys("t", "n", "n");
            t.await("a forward step", 5, x -> x.contains("step 3 of") && x.contains("forward, row 1 of 4"));
            t.keys("q");
        }
    }
}
