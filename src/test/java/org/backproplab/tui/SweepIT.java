package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code sweep} in a real terminal (tmux, whose helper lives here with the lab's terminal tests):
 * a progress line while it runs, and Ctrl-C stops it with a report of the seeds done and exit 130.
 */
class SweepIT {
    private static String command;

    @BeforeAll
    static void setUp() {
        Tmux.assumeInstalled();
        String jar = TheJar.built();
        String java = TheJar.java();
        command = "'" + java + "' -jar '" + jar + "' sweep --preset reference --seeds 100000";
    }

    @Test
    void showsProgressAndStopsCleanlyOnCtrlC() throws Exception {
        try (Tmux t = new Tmux().start(120, 30, command)) {
            String progress = t.await("the progress line", 60,
                    s -> s.matches("(?s).*sweep: [0-9,]+ of 100,000 seeds, [0-9.]+ seeds/s, about [0-9,]+ s left.*"));
            assertThat(progress).doesNotContain("EXITED");
            t.keys("C-c");
            String end = t.await("the report and the exit code", 60,
                    s -> s.contains("EXITED rc=") && s.contains("time      "));
            assertThat(end).contains("EXITED rc=130");
            assertThat(end).containsPattern("stopped   by Ctrl-C \\(SIGINT\\) after ([0-9]+) of 100000 seeds: what follows counts those \\1");
            assertThat(end).containsPattern("learned   [0-9]+ of [0-9]+ \\(");
            assertThat(end).doesNotContain("Exception", "sweep: ");
        }
    }
}
