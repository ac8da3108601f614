package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.backproplab.train.Config;
import org.backproplab.train.Preset;
import org.backproplab.train.Snapshot;
import org.backproplab.tui.term.AnsiBytes;
import org.backproplab.tui.term.FrameOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The lab's own screen: what reaches the terminal must be cell for cell what Lanterna's
 * TerminalScreen (an independent implementation) puts there, an unchanged frame writes nothing,
 * and a refresh sends only what changed (what a frame allocates: the FrameCost tool).
 */
class FrameScreenTest {
    private static final Config XOR = Preset.TEXTBOOK.defaults();
    private static final Theme COLOUR = new Theme(true, false);

    /** Lanterna's screen, refreshed in full: the reference picture of a frame. */
    private static DefaultVirtualTerminal reference(Snapshot s, UiState ui, Theme t, int cols, int rows) throws IOException {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        Frame.draw(screen.newTextGraphics(), cols, rows, s, ui, t, LabOptions.defaults());
        screen.refresh(Screen.RefreshType.COMPLETE);
        return vt;
    }

    private static void assertSameCells(DefaultVirtualTerminal actual, DefaultVirtualTerminal expected) {
        TerminalSize size = expected.getTerminalSize();
        for (int r = 0; r < size.getRows(); r++) {
            for (int c = 0; c < size.getColumns(); c++) {
                TextCharacter a = actual.getCharacter(c, r);
                TextCharacter e = expected.getCharacter(c, r);
                assertThat(a).as("cell (%d, %d)", c, r).isEqualTo(e);
            }
        }
    }

    private static void draw(FrameScreen screen, Snapshot s, UiState ui, Theme t) {
        TerminalSize size = screen.size();
        Frame.draw(screen.graphics(), size.getColumns(), size.getRows(), s, ui, t, LabOptions.defaults());
    }

    @Test
    void completeThenDeltaFramesMatchLanternasScreen() throws IOException {
        Snapshot first = FrameRenderTest.snapshotAfter(XOR, 0);
        Snapshot later = FrameRenderTest.snapshotAfter(XOR, 700);
        UiState selected = UiState.initial().select(3, first.parameterCount());
        for (Theme t : new Theme[] {COLOUR, new Theme(false, false), new Theme(true, true)}) {
            DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
            FrameScreen screen = new FrameScreen(vt);
            screen.start();
            draw(screen, first, UiState.initial(), t);
            screen.refresh(true);
            assertSameCells(vt, reference(first, UiState.initial(), t, 100, 30));
            // deltas: new numbers, a reversed row, the help box over everything, and back
            draw(screen, later, selected, t);
            screen.refresh(false);
            assertSameCells(vt, reference(later, selected, t, 100, 30));
            UiState help = selected.withOverlay(UiState.Overlay.HELP);
            draw(screen, later, help, t);
            screen.refresh(false);
            assertSameCells(vt, reference(later, help, t, 100, 30));
            draw(screen, first, UiState.initial(), t);
            screen.refresh(false);
            assertSameCells(vt, reference(first, UiState.initial(), t, 100, 30));
        }
    }

    @Test
    void aResizeIsTakenAndTheNextCompleteFrameFitsIt() throws IOException {
        Snapshot s = FrameRenderTest.snapshotAfter(XOR, 10);
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        FrameScreen screen = new FrameScreen(vt);
        screen.start();
        draw(screen, s, UiState.initial(), COLOUR);
        screen.refresh(true);
        assertThat(screen.resizeIfNeeded()).isNull();
        vt.setTerminalSize(new TerminalSize(120, 40));
        assertThat(screen.resizeIfNeeded()).isEqualTo(new TerminalSize(120, 40));
        draw(screen, s, UiState.initial(), COLOUR);
        screen.refresh(true);
        assertSameCells(vt, reference(s, UiState.initial(), COLOUR, 120, 40));
    }

    /** An ANSI terminal into a byte sink, with the shared escape bytes the real terminals use. */
    private static final class Wire extends ANSITerminal {
        final ByteArrayOutputStream sink;
        final FrameOutputStream frames;

        static Wire open() {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            return new Wire(sink, new FrameOutputStream(sink));
        }

        private Wire(ByteArrayOutputStream sink, FrameOutputStream frames) {
            super(new ByteArrayInputStream(new byte[0]), frames, StandardCharsets.UTF_8);
            this.sink = sink;
            this.frames = frames;
        }

        @Override
        protected TerminalSize findTerminalSize() {
            return new TerminalSize(100, 30);
        }

        @Override
        protected byte[] translateCharacter(char c) {
            return AnsiBytes.encode(c, StandardCharsets.UTF_8);
        }

        @Override
        public void setCursorPosition(int col, int row) throws IOException {
            writeToTerminal(AnsiBytes.cursor(col, row));
        }
    }

    @Test
    void anUnchangedFrameWritesNothing() throws IOException {
        Wire wire = Wire.open();
        FrameScreen screen = new FrameScreen(wire);
        screen.start();
        Snapshot s = FrameRenderTest.snapshotAfter(XOR, 50);
        draw(screen, s, UiState.initial(), COLOUR);
        screen.refresh(true);
        long before = wire.frames.bytesWritten();
        long writes = wire.frames.writes();
        draw(screen, s, UiState.initial(), COLOUR);
        screen.refresh(false);
        assertThat(wire.frames.bytesWritten()).isEqualTo(before);
        assertThat(wire.frames.writes()).isEqualTo(writes);
    }

    @Test
    void aChangedFrameIsOneWriteOfOnlyTheChangedCells() throws IOException {
        Wire wire = Wire.open();
        FrameScreen screen = new FrameScreen(wire);
        screen.start();
        draw(screen, FrameRenderTest.snapshotAfter(XOR, 50), UiState.initial(), COLOUR);
        screen.refresh(true);
        long full = wire.frames.bytesWritten();
        long writes = wire.frames.writes();
        draw(screen, FrameRenderTest.snapshotAfter(XOR, 51), UiState.initial(), COLOUR);
        screen.refresh(false);
        long delta = wire.frames.bytesWritten() - full;
        assertThat(wire.frames.writes()).isEqualTo(writes + 1);
        assertThat(delta).isPositive().isLessThan(full / 2);
    }
}
