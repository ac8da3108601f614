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
        int fits = -1; // the length after the last whole piece that leaves room for the '~'
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (printable(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append(escape(cp));
            }
            if (b.length() <= max - 1) {
                fits = b.length();
            }
        }
        return b.length() <= max ? b.toString() : b.substring(0, Math.max(0, fits)) + "~";
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
