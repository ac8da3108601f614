package org.backproplab.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import java.util.function.BooleanSupplier;

/** What the lab tests read and type on a Lanterna virtual terminal, in one place. */
final class VirtualScreenText {
    private VirtualScreenText() {
    }

    /** Every cell of the terminal, row by row. */
    static String screen(VirtualTerminal vt) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < vt.getTerminalSize().getRows(); r++) {
            for (int c = 0; c < vt.getTerminalSize().getColumns(); c++) {
                b.append(vt.getCharacter(c, r).getCharacterString());
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * Waits for {@code condition}, up to 30 s (it returns as soon as the condition holds: the
     * limit only has to be long enough for a loaded machine); fails naming {@code what}.
     */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) return;
            Thread.sleep(5);
        }
        throw new AssertionError("not within 30 s: " + what);
    }

    static void key(VirtualTerminal vt, char c) {
        vt.addInput(new KeyStroke(c, false, false));
    }
}
