package org.backproplab.tui.term;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SGR mouse reports (xterm's mode 1006) decoded: ESC [ < button ; column ; row M or m, 1-based. */
class SgrMouseTest {
    private static CharacterPattern.Matching match(String s) {
        return new SgrMouse().match(s.chars().mapToObj(c -> (char) c).toList());
    }

    private static MouseAction action(String s) {
        CharacterPattern.Matching m = match(s);
        assertThat(m).isNotNull();
        assertThat(m.fullMatch).isInstanceOf(MouseAction.class);
        return (MouseAction) m.fullMatch;
    }

    @Test
    void pressReleaseAndWheel() {
        MouseAction press = action("\u001b[<0;12;5M");
        assertThat(press.getActionType()).isEqualTo(MouseActionType.CLICK_DOWN);
        assertThat(press.getButton()).isEqualTo(1);
        assertThat(press.getPosition()).isEqualTo(new TerminalPosition(11, 4));
        assertThat(action("\u001b[<0;12;5m").getActionType()).isEqualTo(MouseActionType.CLICK_RELEASE);
        assertThat(action("\u001b[<2;1;1M").getButton()).isEqualTo(3); // the right button
        assertThat(action("\u001b[<64;40;10M").getActionType()).isEqualTo(MouseActionType.SCROLL_UP);
        assertThat(action("\u001b[<65;40;10M").getActionType()).isEqualTo(MouseActionType.SCROLL_DOWN);
        assertThat(action("\u001b[<32;3;3M").getActionType()).isEqualTo(MouseActionType.DRAG);
        assertThat(action("\u001b[<0;300;120M").getPosition()).isEqualTo(new TerminalPosition(299, 119)); // past X10's 223
    }

    @Test
    void partsWaitAndOtherSequencesAreNotMine() {
        for (String part : List.of("\u001b", "\u001b[", "\u001b[<", "\u001b[<0", "\u001b[<0;1", "\u001b[<0;1;")) {
            assertThat(match(part)).as(part).isSameAs(CharacterPattern.Matching.NOT_YET);
        }
        assertThat(match("\u001b[A")).isNull();   // an arrow key
        assertThat(match("\u001b[<;1;1M")).isNull();
        assertThat(match("\u001b[<0;1M")).isNull();
        assertThat(match("x")).isNull();
    }
}
