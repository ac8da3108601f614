package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;
import org.junit.jupiter.api.Test;

class TextTest {

    /** Fields as padded strings would lay them out: right-aligned when they fit, running on (over nothing) when not. */
    @Test
    void fieldsAlignAndAValueTooWideRunsOnWithoutOverwriting() throws Exception {
        VirtualScreen v = new VirtualScreen(40, 3);
        TextGraphics g = v.screen.newTextGraphics();
        Area a = new Area(0, 0, 40, 3);
        int col = Text.putLeftIn(g, a, 0, 0, 7, "x1->h1");
        col = Text.putRightIn(g, a, col, 0, 9, "+1234.5678"); // 10 characters in a field of 9
        Text.put(g, a, Text.fill(g, a, col, 0, col + 2), 0, "^");
        int end = Text.putRightIn(g, a, Text.putLeftIn(g, a, 0, 1, 7, "b y"), 1, 9, "+0.5000");
        Text.put(g, a, Text.fill(g, a, 30, 2, 20), 2, "past"); // a fill that ends before it starts writes nothing
        v.screen.refresh(Screen.RefreshType.COMPLETE);
        assertThat(v.row(0)).startsWith("x1->h1 +1234.5678  ^");
        assertThat(v.row(1)).startsWith("b y" + " ".repeat(6) + "+0.5000");
        assertThat(end).isEqualTo(16);
        assertThat(v.row(2)).isEqualTo(" ".repeat(30) + "past      ");
    }

    /** Text is clipped at the area's right edge, and the returned column says where it stopped. */
    @Test
    void textIsClippedAtTheEdge() throws Exception {
        VirtualScreen v = new VirtualScreen(20, 1);
        TextGraphics g = v.screen.newTextGraphics();
        Area a = new Area(2, 0, 10, 1);
        assertThat(Text.put(g, a, 6, 0, "abcdefgh")).isEqualTo(10);
        assertThat(Text.put(g, a, 10, 0, 'z')).isEqualTo(10);
        v.screen.refresh(Screen.RefreshType.COMPLETE);
        assertThat(v.row(0)).isEqualTo("        abcd        ");
    }
    /**
     * An overlay is centred, but one that would leave a column or two of the screen beside it
     * takes the whole width: no single letters of the panels below at its sides (the keys overlay
     * at 80 columns showed a "p", an "x" and a "b" in column 0, cut from "param", "x1→h1", "b h1").
     */
    @Test
    void anOverlayLeavesNoSliverOfTheScreenBesideIt() throws Exception {
        VirtualScreen v = new VirtualScreen(80, 24);
        TextGraphics g = v.screen.newTextGraphics();
        Area screen = new Area(0, 0, 80, 24);
        Theme t = new Theme(false, false);
        for (int width = 76; width <= 80; width++) {
            Area box = Text.overlay(g, screen, width, 10, t, "Title");
            assertThat(box.col()).as("asked %d", width).isZero();
            assertThat(box.width()).as("asked %d", width).isEqualTo(80);
        }
        Area narrow = Text.overlay(g, screen, 74, 10, t, "Title");
        assertThat(narrow.col()).isEqualTo(3);
        assertThat(narrow.width()).isEqualTo(74);
    }
}
