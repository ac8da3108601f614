package org.backproplab.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.backproplab.train.Preset;
import org.backproplab.train.Request;
import org.backproplab.train.Snapshot;
import org.backproplab.train.Trainer;

/**
 * The README's picture: a real frame of the lab (the textbook preset after d, central differences,
 * and {@value #EPOCHS} epochs of the real trainer, drawn by {@link Frame} as the live view draws it) on Lanterna's virtual
 * terminal, written as SVG cell by cell with the theme's colours in a dark terminal's palette.
 * {@code scripts/picture} runs it after every change of the screen.
 */
final class LabPicture {
    static final int COLUMNS = 100;
    static final int ROWS = 30;
    static final int EPOCHS = 2_500;
    /** A cell, in pixels: monospace glyphs are about 0.6 em wide. */
    static final double CELL_WIDTH = 8.4;
    static final double CELL_HEIGHT = 17;
    static final double FONT_SIZE = 14;
    static final String BACKGROUND = "#1e1e1e";
    static final String FOREGROUND = "#d4d4d4";
    /** The eight colours and their bright forms: VS Code's dark terminal palette, a common one. */
    static final Map<TextColor.ANSI, String> PALETTE = Map.ofEntries(
            Map.entry(TextColor.ANSI.BLACK, "#000000"), Map.entry(TextColor.ANSI.RED, "#cd3131"),
            Map.entry(TextColor.ANSI.GREEN, "#0dbc79"), Map.entry(TextColor.ANSI.YELLOW, "#e5e510"),
            Map.entry(TextColor.ANSI.BLUE, "#2472c8"), Map.entry(TextColor.ANSI.MAGENTA, "#bc3fbc"),
            Map.entry(TextColor.ANSI.CYAN, "#11a8cd"), Map.entry(TextColor.ANSI.WHITE, "#e5e5e5"),
            Map.entry(TextColor.ANSI.BLACK_BRIGHT, "#666666"), Map.entry(TextColor.ANSI.RED_BRIGHT, "#f14c4c"),
            Map.entry(TextColor.ANSI.GREEN_BRIGHT, "#23d18b"), Map.entry(TextColor.ANSI.YELLOW_BRIGHT, "#f5f543"),
            Map.entry(TextColor.ANSI.BLUE_BRIGHT, "#3b8eea"), Map.entry(TextColor.ANSI.MAGENTA_BRIGHT, "#d670d6"),
            Map.entry(TextColor.ANSI.CYAN_BRIGHT, "#29b8db"), Map.entry(TextColor.ANSI.WHITE_BRIGHT, "#ffffff"));

    private LabPicture() {
    }

    /** Usage: LabPicture FILE.svg */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.writeString(out, svg(frame()), StandardCharsets.UTF_8);
        System.out.println("wrote " + out + ": the textbook preset, central differences, epoch " + EPOCHS + ", "
                + COLUMNS + "x" + ROWS);
    }

    /** The frame a user sees after pressing d and stepping the textbook preset {@value #EPOCHS} epochs. */
    static DefaultVirtualTerminal frame() throws IOException, InterruptedException {
        Snapshot s;
        try (Trainer trainer = new Trainer(Preset.TEXTBOOK.defaults(), Preset.TEXTBOOK.id())) {
            trainer.start();
            trainer.submit(new Request.SwitchDifference()); // d: central differences, whose errors are ~1e-10
            for (int i = 0; i < EPOCHS; i++) trainer.submit(new Request.Step());
            while (trainer.snapshot().epoch() < EPOCHS) Thread.sleep(10);
            s = trainer.snapshot();
        }
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(COLUMNS, ROWS));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        // as the local lab draws itself: colour, Unicode, files saved in the working directory
        Frame.draw(screen.newTextGraphics(), COLUMNS, ROWS, s, UiState.initial(), new Theme(true, false),
                new LabOptions(true, false, false, null, Path.of("")));
        screen.refresh(Screen.RefreshType.COMPLETE);
        return vt;
    }

    /**
     * The terminal's cells as SVG: a background rectangle for each run of cells with a colour behind
     * them, and a text span for each run of one style, stretched to exactly its cells' width, so the
     * columns line up whatever monospace font the viewer has.
     */
    static String svg(DefaultVirtualTerminal vt) {
        int cols = vt.getTerminalSize().getColumns();
        int rows = vt.getTerminalSize().getRows();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\""
                + " viewBox=\"0 0 %s %s\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\""
                + " font-size=\"%s\">\n", px(cols * CELL_WIDTH + 16), px(rows * CELL_HEIGHT + 16),
                px(cols * CELL_WIDTH + 16), px(rows * CELL_HEIGHT + 16), px(FONT_SIZE)));
        b.append("<rect width=\"100%\" height=\"100%\" rx=\"6\" fill=\"").append(BACKGROUND).append("\"/>\n");
        b.append("<g transform=\"translate(8 8)\">\n");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; ) {
                String bg = colours(vt.getCharacter(c, r))[1];
                int end = c + 1;
                while (end < cols && colours(vt.getCharacter(end, r))[1].equals(bg)) end++;
                if (!bg.equals(BACKGROUND)) {
                    b.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>\n",
                            px(c * CELL_WIDTH), px(r * CELL_HEIGHT), px((end - c) * CELL_WIDTH), px(CELL_HEIGHT), bg));
                }
                c = end;
            }
            b.append(String.format(Locale.ROOT, "<text y=\"%s\" xml:space=\"preserve\">", px(r * CELL_HEIGHT + 13)));
            for (int c = 0; c < cols; ) {
                TextCharacter first = vt.getCharacter(c, r);
                String style = style(first);
                StringBuilder run = new StringBuilder(first.getCharacterString());
                int end = c + 1;
                while (end < cols && style(vt.getCharacter(end, r)).equals(style)) {
                    run.append(vt.getCharacter(end, r).getCharacterString());
                    end++;
                }
                if (!run.toString().isBlank()) {
                    b.append(String.format(Locale.ROOT, "<tspan x=\"%s\" textLength=\"%s\" lengthAdjust=\"spacingAndGlyphs\"%s>",
                            px(c * CELL_WIDTH), px((end - c) * CELL_WIDTH), style)).append(escape(run.toString()))
                            .append("</tspan>");
                }
                c = end;
            }
            b.append("</text>\n");
        }
        b.append("</g>\n</svg>\n");
        return b.toString();
    }

    /** A cell's text colour and background, reverse video applied. */
    static String[] colours(TextCharacter t) {
        String fg = colour(t.getForegroundColor(), FOREGROUND);
        String bg = colour(t.getBackgroundColor(), BACKGROUND);
        return t.isReversed() ? new String[] {bg, fg} : new String[] {fg, bg};
    }

    private static String style(TextCharacter t) {
        return " fill=\"" + colours(t)[0] + "\"" + (t.isBold() ? " font-weight=\"bold\"" : "")
                + (t.isUnderlined() ? " text-decoration=\"underline\"" : "");
    }

    private static String colour(TextColor c, String theDefault) {
        if (c == TextColor.ANSI.DEFAULT) return theDefault;
        if (c instanceof TextColor.ANSI a) return PALETTE.get(a);
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String px(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
