package org.backproplab.tui.term;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.KeyDecodingProfile;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import java.util.List;

/**
 * The mouse in the lab: xterm's SGR reporting (mode 1006, as htop, btop and lazygit use it),
 * switched on with button presses and releases (mode 1000), and its reports decoded into
 * Lanterna's {@link MouseAction}s. Lanterna 3.1 decodes only the older X10 form, whose positions
 * stop at column 223 and which many terminals garble; SGR reports are plain text:
 * {@code ESC [ < button ; column ; row M} for a press, {@code m} for a release, 1-based.
 */
public final class SgrMouse implements CharacterPattern {
    /** Reporting on: presses and releases, in SGR form. */
    static final String ON = "\u001b[?1000h\u001b[?1006h";
    /** Reporting off, in the reverse order. */
    static final String OFF = "\u001b[?1006l\u001b[?1000l";
    /** The decoder's profile with this one pattern, to add to a terminal's input decoder. */
    public static final KeyDecodingProfile PROFILE = () -> List.of(new SgrMouse());
    /** No report is longer than this ("ESC [ < 65 ; 65535 ; 65535 M"). */
    private static final int LONGEST = 24;

    @Override
    public Matching match(List<Character> seq) {
        int n = seq.size();
        String prefix = "\u001b[<";
        for (int i = 0; i < prefix.length(); i++) {
            if (i >= n) return Matching.NOT_YET;
            if (seq.get(i) != prefix.charAt(i)) return null;
        }
        int[] numbers = new int[3];
        int field = 0;
        boolean digits = false;
        for (int i = prefix.length(); i < n; i++) {
            char c = seq.get(i);
            if (c >= '0' && c <= '9') {
                if (numbers[field] > 100_000) return null;
                numbers[field] = numbers[field] * 10 + (c - '0');
                digits = true;
            } else if (c == ';' && digits && field < 2) {
                field++;
                digits = false;
            } else if ((c == 'M' || c == 'm') && digits && field == 2) {
                return new Matching(action(numbers[0], numbers[1] - 1, numbers[2] - 1, c == 'M'));
            } else {
                return null;
            }
        }
        return n < LONGEST ? Matching.NOT_YET : null;
    }

    /** The action a report stands for: low two bits the button, 32 motion, 64 the wheel. */
    private static MouseAction action(int code, int col, int row, boolean press) {
        TerminalPosition at = new TerminalPosition(Math.max(0, col), Math.max(0, row));
        int button = (code & 3) + 1;
        MouseActionType type;
        if ((code & 64) != 0) {
            type = (code & 1) == 0 ? MouseActionType.SCROLL_UP : MouseActionType.SCROLL_DOWN;
            button = (code & 1) == 0 ? 4 : 5;
        } else if ((code & 32) != 0) {
            type = MouseActionType.DRAG;
        } else {
            type = press ? MouseActionType.CLICK_DOWN : MouseActionType.CLICK_RELEASE;
        }
        return new MouseAction(type, button, at);
    }
}
