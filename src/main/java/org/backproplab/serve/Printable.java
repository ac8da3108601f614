package org.backproplab.serve;

/**
 * Text a learner controls (their user name, the terminal type their client sends), made safe to
 * show on a terminal: every character that is not printable (controls such as ESC, BEL, CR and
 * LF; format characters such as the bidirectional overrides; unpaired surrogates; private-use and
 * unassigned code points) is written out as an escape, {@code \x1b} or {@code \u202e}, and a
 * backslash as {@code \\}, so what is shown is unambiguous and never an instruction to the
 * terminal. Long text is cut, with {@code ~} at the end.
 */
final class Printable {
    private Printable() {
    }

    /** {@code s} as printable text of at most {@code max} characters. */
    static String of(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (printable(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append(escape(cp));
            }
        }
        return clip(b.toString(), max);
    }

    /**
     * Text made by {@link #of} cut to at most {@code max} characters, with {@code ~} at the end
     * when cut: never inside an escape or between the halves of a character.
     */
    static String clip(String printable, int max) {
        if (printable.length() <= max) {
            return printable;
        }
        int fits = 0;
        for (int i = 0; i < printable.length(); ) {
            int next = i + pieceLength(printable, i);
            if (next > max - 1) {
                break;
            }
            fits = next;
            i = next;
        }
        return printable.substring(0, fits) + "~";
    }

    /** The length of the character or escape at {@code i}. */
    private static int pieceLength(String p, int i) {
        if (p.charAt(i) != '\\' || i + 1 >= p.length()) {
            return Character.charCount(p.codePointAt(i));
        }
        return switch (p.charAt(i + 1)) {
            case 'x' -> 4;
            case 'u' -> 6;
            case 'U' -> 10;
            default -> 2; // "\\\\"
        };
    }

    private static boolean printable(int cp) {
        if (cp == '\\') {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    private static String escape(int cp) {
        if (cp == '\\') {
            return "\\\\";
        }
        if (cp < 0x100) {
            return String.format("\\x%02x", cp);
        }
        return cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }
}
