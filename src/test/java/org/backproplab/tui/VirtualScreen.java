package org.backproplab.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.train.Snapshot;

/** A frame drawn on Lanterna's virtual terminal, read back cell by cell. */
final class VirtualScreen {
    final DefaultVirtualTerminal vt;
    final TerminalScreen screen;

    VirtualScreen(int cols, int rows) throws IOException {
        vt = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        screen = new TerminalScreen(vt);
        screen.startScreen();
    }

    VirtualScreen draw(Snapshot s, UiState ui, Theme t) throws IOException {
        return draw(s, ui, t, LabOptions.defaults());
    }

    VirtualScreen draw(Snapshot s, UiState ui, Theme t, LabOptions o) throws IOException {
        TerminalSize size = screen.getTerminalSize();
        Frame.draw(screen.newTextGraphics(), size.getColumns(), size.getRows(), s, ui, t, o);
        screen.refresh(Screen.RefreshType.COMPLETE);
        return this;
    }

    TextCharacter cell(int col, int row) {
        return vt.getCharacter(col, row);
    }

    String row(int row) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < vt.getTerminalSize().getColumns(); c++) {
            b.append(vt.getCharacter(c, row).getCharacterString());
        }
        return b.toString();
    }

    /** Columns [from, to) of a row. */
    String row(int row, int from, int to) {
        String r = row(row);
        return r.substring(Math.min(from, r.length()), Math.min(to, r.length()));
    }

    List<String> rows() {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < vt.getTerminalSize().getRows(); r++) out.add(row(r));
        return out;
    }

    String text() {
        return String.join("\n", rows());
    }

    /** The first row whose columns [from, to) start with {@code prefix}, or -1. */
    int findRow(String prefix, int from, int to) {
        return findRow(prefix, from, to, 0);
    }

    /** The first row at or below {@code firstRow} whose columns [from, to) start with {@code prefix}, or -1. */
    int findRow(String prefix, int from, int to, int firstRow) {
        for (int r = firstRow; r < vt.getTerminalSize().getRows(); r++) {
            if (row(r, from, to).startsWith(prefix)) return r;
        }
        return -1;
    }
}
