package org.backproplab.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.Map;
import org.backproplab.tui.term.Locales;

/**
 * Colours and glyphs. Without colour everything that matters still reads: right/wrong and the
 * verdicts carry a symbol and a word, headings are bold, the selected row is reversed. With
 * {@code ascii} only ASCII characters are drawn (CJK locales draw box and block glyphs double
 * width; a non-UTF-8 locale cannot show them at all).
 */
public record Theme(boolean colour, boolean ascii) {

    /** The colour role of a piece of text. */
    public enum Role { NORMAL, HEADING, DIM, GOOD, FAIR, BAD, ACCENT, POSITIVE, NEGATIVE }

    /**
     * Colour unless {@code NO_COLOR} is set and not empty (no-color.org) or {@code --no-color};
     * ASCII when asked or when the locale's charset is not UTF-8.
     */
    public static Theme from(Map<String, String> env, boolean noColorFlag, boolean asciiFlag) {
        String noColor = env.get("NO_COLOR");
        boolean colour = !noColorFlag && (noColor == null || noColor.isEmpty());
        return new Theme(colour, asciiFlag || !Locales.utf8(env));
    }

    /** Sets the colour and style for a role (and clears any other style). */
    public TextGraphics apply(TextGraphics g, Role role) {
        g.clearModifiers();
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.setForegroundColor(colour ? colourOf(role) : TextColor.ANSI.DEFAULT);
        if (role == Role.HEADING) g.enableModifiers(SGR.BOLD);
        if (!colour && role == Role.BAD) g.enableModifiers(SGR.BOLD);
        return g;
    }

    private static TextColor colourOf(Role role) {
        return switch (role) {
            case NORMAL -> TextColor.ANSI.DEFAULT;
            case HEADING -> TextColor.ANSI.CYAN;
            case DIM -> TextColor.ANSI.WHITE;
            case GOOD -> TextColor.ANSI.GREEN;
            case FAIR -> TextColor.ANSI.YELLOW;
            case BAD -> TextColor.ANSI.RED;
            case ACCENT -> TextColor.ANSI.MAGENTA;
            // a weight's sign, as TensorFlow Playground shows it (blue and orange; yellow is the nearest ANSI colour)
            case POSITIVE -> TextColor.ANSI.BLUE;
            case NEGATIVE -> TextColor.ANSI.YELLOW;
        };
    }

    public String arrow() {
        return ascii ? "->" : "→";
    }

    public String up() {
        return ascii ? "^" : "▲";
    }

    public String down() {
        return ascii ? "v" : "▼";
    }

    public String still() {
        return ascii ? "=" : "·";
    }

    public String right() {
        return ascii ? "+" : "✓";
    }

    public String wrong() {
        return ascii ? "x" : "✗";
    }

    public String near() {
        return "~";
    }

    public String epsilon() {
        return ascii ? "eps" : "ε";
    }

    public String theta() {
        return ascii ? "theta" : "θ";
    }

    public String times() {
        return ascii ? "x" : "×";
    }

    public String partial() {
        return ascii ? "d" : "∂";
    }

    public String yhat() {
        return ascii ? "y^" : "ŷ";
    }

    /** The learning rate in a formula. */
    public String eta() {
        return ascii ? "lr" : "η";
    }

    /**
     * A text of the engine's, written in ASCII notation (dL/dyhat, sigmoid'(z_y), delta_y,
     * w(x1->hj), eps*|L''|/2, 4x), in the theme's characters: as it is in ASCII, else as the other
     * views write it (∂L/∂ŷ, σ′(z_y), δ_y, w(x1→hj), ε·|L″|/2, 4×).
     */
    public String notation(String ascii) {
        if (this.ascii) return ascii;
        // sigmoid' is the slope, σ′, but "the output sigmoid's slope" stays words
        return ascii.replaceAll("sigmoid'(?!s\\b)", "σ′").replaceAll("sigmoid(?=\\()", "σ").replace("relu'", "ReLU′")
                .replace("relu", "ReLU")
                .replace("tanh'", "tanh′").replace("delta_", "δ_").replace("dL/d", "∂L/∂").replace("yhat", "ŷ")
                .replace("<-", "←").replace("->", "→").replaceAll("\\beps\\b", "ε").replace("^2", "²")
                .replace("L'''", "L‴").replace("L''", "L″").replaceAll("\\b(\\d+)x\\b", "$1×")
                .replace("*", "·").replace("theta", "θ");
    }

    public String separator() {
        return ascii ? " | " : " · ";
    }

    public char horizontal() {
        return ascii ? '-' : '─';
    }

    public char vertical() {
        return ascii ? '|' : '│';
    }

    /**
     * A cell filled to level 0..8 (eighths), for bar charts; in ASCII '.' up to 3/8, ':' up to 6/8,
     * then '#': every level above 0 is drawn, as ▁ is (a chart's small losses do not vanish).
     */
    public char bar(int eighths) {
        final String unicode = " ▁▂▃▄▅▆▇█";
        final String plain = " ...:::##";
        int i = Math.max(0, Math.min(8, eighths));
        return (ascii ? plain : unicode).charAt(i);
    }
}
