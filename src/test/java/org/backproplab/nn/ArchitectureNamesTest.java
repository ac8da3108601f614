package org.backproplab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A parameter is found by its file name and by its label on screen, however the arrow and the gaps are typed. */
class ArchitectureNamesTest {

    /** The names and labels of hidden size H, written out by hand in θ's order: W1 row by row, b1, W2, b2. */
    static List<String[]> byHand(int h) {
        List<String[]> rows = new ArrayList<>(); // {name, label with →}
        for (int i = 1; i <= 2; i++) {
            for (int j = 1; j <= h; j++) {
                rows.add(new String[] {"w_x" + i + "_h" + j, "x" + i + "→h" + j});
            }
        }
        for (int j = 1; j <= h; j++) {
            rows.add(new String[] {"b_h" + j, "b h" + j});
        }
        for (int j = 1; j <= h; j++) {
            rows.add(new String[] {"w_h" + j + "_y", "h" + j + "→y"});
        }
        rows.add(new String[] {"b_y", "b y"});
        return rows;
    }

    @Property(tries = 100)
    void everyNameAndLabelFindsItsParameter(@ForAll @IntRange(min = 1, max = 8) int hidden) {
        Architecture a = new Architecture(hidden, Activation.RELU, Loss.BCE);
        List<String[]> rows = byHand(hidden);
        assertThat(rows).hasSize(a.parameterCount());
        for (int k = 0; k < rows.size(); k++) {
            String name = rows.get(k)[0];
            String label = rows.get(k)[1];
            for (String typed : List.of(name, label, label.replace("→", "->"), label.replace("→", " -> "),
                    label.toUpperCase(java.util.Locale.ROOT), label.replace(' ', '_'), " " + name + " ")) {
                assertThat(a.indexOfNameOrLabel(typed)).as(typed).isEqualTo(k);
            }
        }
    }

    @Test
    void otherNamesFindNothing() {
        Architecture a = new Architecture(2, Activation.SIGMOID, Loss.MSE);
        for (String typed : List.of("x1→h3", "w_x3_h1", "h1", "b", "x1h1", "", "b h", "y→h1", "w_x1_h1_")) {
            assertThat(a.indexOfNameOrLabel(typed)).as(typed).isEqualTo(-1);
        }
    }

    @Test
    void messagesListBothWays() {
        assertThat(new Architecture(1, Activation.SIGMOID, Loss.MSE).namesAndLabels())
                .isEqualTo("w_x1_h1 = x1->h1, w_x2_h1 = x2->h1, b_h1 = b h1, w_h1_y = h1->y, b_y = b y");
    }
}
