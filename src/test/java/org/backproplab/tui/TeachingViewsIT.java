package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar in tmux at the minimum size: every teaching view opens, reads right and closes. */
class TeachingViewsIT {
    private static String java;
    private static String jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        Tmux.assumeInstalled();
        jar = TheJar.built();
        java = TheJar.java();
    }

    /** The lab started in a scratch directory (w and e write there). */
    private String command(String args) {
        return "cd '" + dir + "' && LANG=C.UTF-8 '" + java + "' -jar '" + jar + "' " + args;
    }

    @Test
    void everyViewOpensAt80x24() throws Exception {
        try (Tmux t = new Tmux().start(80, 24, command(""))) {
            t.await("first frame", 15, s -> s.contains("epoch") && s.contains("q quit"));
            t.keys("Down", "Enter");
            String explain = t.await("Enter: the explanation", 5, s -> s.contains("Explain ∂L/∂θ for x1→h2")
                    && s.contains("sum of the four rows"));
            assertThat(explain).contains("1 nudge", "w_x1_h2 + ε = 0.72042449344215", "numeric column",
                    "chain-rule column");
            t.keys("Escape");
            t.await("Esc closes it", 5, s -> s.contains("Weights & biases"));
            t.keys("c");
            t.await("c: the cost, measured", 10, s -> s.contains("1 + P = 10 forward passes") && !s.contains("measuring"));
            t.keys("s");
            t.await("s: the surface", 5, s -> s.contains("What the network learned") && s.contains("x1=1"));
            t.keys("Escape"); // alone: Esc and a key right after it arrive as Alt+key
            t.await("Esc goes back", 5, s -> s.contains("Weights & biases"));
            t.keys("g");
            t.await("g: the and gate", 5, s -> s.contains("Truth table: AND"));
            t.keys("u", "u");
            String four = t.await("u u: four hidden units", 5, s -> s.contains("x1→h4"));
            assertThat(four).contains("q quit"); // the footer still there: the tables scroll, nothing is pushed off
            t.keys("a");
            t.await("a: adapting", 5, s -> s.contains("adapting"));
            t.keys("w");
            t.await("w: the file named", 5, s -> s.contains("backprop-lab-params-0.json"));
            t.keys("e");
            t.await("e: the file named", 5, s -> s.contains("backprop-lab-loss-0.csv"));
            t.keys("q");
            String after = t.awaitExit("q quits", 5);
            assertThat(after).contains("EXITED rc=0");
            assertThat(Tmux.terminalSane(after)).isTrue();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("backprop-lab-params-0.json", "backprop-lab-loss-0.csv");
        }
    }

    @Test
    void aStuckReferenceRunIsExplained() throws Exception {
        try (Tmux t = new Tmux().start(120, 40, command("--preset reference --seed 1"))) {
            t.await("first frame", 15, s -> s.contains("epoch") && s.contains("q quit"));
            for (int i = 0; i < 6; i++) t.keys("+"); // 100,000 epochs/s
            t.keys("Space");
            t.await("a dead unit named", 20, s -> s.matches("(?s).*dead ReLU (unit )?h[12].*"));
            t.keys("q");
            t.await("q quits", 5, s -> s.contains("EXITED rc=0"));
        }
    }
}
