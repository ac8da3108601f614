package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real jar in tmux: the ε study (E) and the bug hunt (b, --planted-bug) as a learner meets them. */
class GradientTeachingIT {
    private static String command;

    @BeforeAll
    static void setUp() {
        Tmux.assumeInstalled();
        command = "LANG=C.UTF-8 '" + TheJar.java() + "' -jar '" + TheJar.built() + "' ";
    }

    @Test
    void theEpsilonStudyAndABugHuntAt80x24() throws Exception {
        try (Tmux t = new Tmux().start(80, 24, command)) {
            t.await("first frame", 15, s -> s.contains("epoch") && s.contains("q quit"));
            t.keys("E");
            t.await("E: the ε study", 10, s -> s.contains("ε study of x1→h1") && s.contains("best ε")
                    && s.contains("1e-13") && s.contains("guide's ε 1e-4"));
            t.keys("Escape");
            t.await("Esc: back", 5, s -> s.contains("Weights & biases"));
            t.keys("b");
            String planted = t.await("b: a bug is planted", 5, s -> s.lines().findFirst().orElse("").contains("a bug is planted"));
            assertThat(planted).contains("bug hunt: which rows read bad?", "BAD");
            t.keys("b");
            t.await("b again: the question", 5, s -> s.contains("which bug is it?") && s.contains("6 one-row-bias"));
            t.keys("Escape"); // alone: Esc and a key right after it arrive as Alt+key
            t.await("Esc: back to looking", 5, s -> s.contains("Weights & biases") && !s.contains("which bug is it?"));
            t.keys("B");
            String answer = t.await("B: the answer", 5, s -> s.contains("You gave up: it was"));
            assertThat(answer).contains("The difference it made");
            t.keys("Escape");
            t.await("Esc closes the answer, the bug is out", 5, s -> s.contains("Weights & biases")
                    && !s.contains("You gave up") && !s.lines().findFirst().orElse("").contains("a bug is planted"));
            t.keys("q");
            String after = t.awaitExit("q quits", 5); // the stty line comes after EXITED: wait for it
            assertThat(after).contains("EXITED rc=0");
            assertThat(Tmux.terminalSane(after)).isTrue();
        }
    }

    /** A teacher's --planted-bug: the lab starts with it, says a bug is planted, never which, and b asks for it. */
    @Test
    void aTeachersPlantedBugInAsciiAndNoColour() throws Exception {
        try (Tmux t = new Tmux().start(80, 24, "NO_COLOR=1 " + command + "--ascii --planted-bug swapped-inputs")) {
            String s = t.await("first frame", 15, x -> x.contains("epoch") && x.contains("q quit"));
            assertThat(s.lines().findFirst().orElseThrow()).contains("a bug is planted");
            assertThat(s).doesNotContain("swapped").contains("BAD");
            t.keys("b");
            t.await("the question", 5, x -> x.contains("which bug is it?"));
            t.keys("5");
            t.await("named right", 5, x -> x.contains("Right: it was swapped-inputs."));
            t.keys("q");
            String after = t.awaitExit("q quits", 5);
            assertThat(after).contains("EXITED rc=0");
            assertThat(Tmux.terminalSane(after)).isTrue();
        }
    }
}
