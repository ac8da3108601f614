package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.backproplab.train.Config;
import org.backproplab.train.Method;
import org.backproplab.train.Preset;
import org.backproplab.train.Request;
import org.backproplab.train.Snapshot;
import org.backproplab.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * Once a run diverges the trainer works out nothing more from its parameters, so a view that waits
 * for its numbers must say why none come, not "working out ..." for ever (as the explanation, the
 * ε study, the surface and the trace did).
 */
class DivergedViewsTest {
    private static final Theme COLOUR = new Theme(true, false);

    @Test
    void everyViewSaysTheRunDivergedInsteadOfWaiting() throws Exception {
        // a run whose parameters are no longer all numbers (as after a step too large)
        Config c = Preset.TEXTBOOK.defaults().withMethod(Method.CHAIN);
        double[] theta = c.initialParameters();
        theta[c.architecture().outputWeight(0)] = Double.POSITIVE_INFINITY;
        try (Trainer trainer = new Trainer(c.withInit(theta), "textbook")) {
            trainer.start();
            trainer.submit(new Request.ToggleRun());
            Snapshot s = trainer.snapshot();
            long end = System.nanoTime() + 10_000_000_000L;
            while (!s.diverged() && System.nanoTime() < end) {
                Thread.sleep(5);
                s = trainer.snapshot();
            }
            assertThat(s.diverged()).as("the run diverged").isTrue();
            UiState lab = UiState.initial();
            String[] screens = {
                new VirtualScreen(100, 30).draw(s, lab.withOverlay(UiState.Overlay.EXPLAIN), COLOUR).text(),
                new VirtualScreen(100, 30).draw(s, lab.withView(UiState.View.EPSILON), COLOUR).text(),
                new VirtualScreen(100, 30).draw(s, lab.withView(UiState.View.SURFACE), COLOUR).text(),
                new VirtualScreen(100, 30).draw(s, lab.withView(UiState.View.TRACE), COLOUR).text(),
                new VirtualScreen(80, 24).draw(s, lab.withView(UiState.View.SURFACE), COLOUR).text()};
            for (String screen : screens) {
                assertThat(screen).contains("nothing to show: the run diverged (its loss is not a number); r: new seed")
                        .doesNotContain("working out").doesNotContain("computing").doesNotContain("tracing the next");
            }
        }
    }
}
