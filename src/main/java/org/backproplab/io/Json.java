package org.backproplab.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON Backprop Lab reads and writes (command line and lab alike): a writer for maps, lists, strings, numbers and booleans,
 * and a strict recursive-descent parser whose errors say where (line and column).
 *
 * <p>Doubles are written with {@link Double#toString}, which parses back to the same bits, so a
 * saved θ restores exactly; non-finite doubles (which JSON cannot hold) are written as null.
 * Numbers are read with {@link Double#parseDouble}, which rounds correctly. Output is pure ASCII
 * (other characters are written as backslash-u escapes).
 */
public final class Json {
    private Json() {
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes a value: {@code Map<String, ?>} (order kept), {@code List<?>}, String, Number, Boolean
     * or null. Objects holding only scalars, and arrays of scalars, stay on one line; the rest is
     * indented by two spaces per level.
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int depth) {
        if (v instanceof Map<?, ?> m) {
            boolean flat = m.values().stream().allMatch(Json::scalar);
            sb.append('{');
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(i++ > 0 ? "," : "");
                if (flat) {
                    sb.append(i > 1 ? " " : "");
                } else {
                    newline(sb, depth + 1);
                }
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), depth + 1);
            }
            if (!flat && !m.isEmpty()) {
                newline(sb, depth);
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            boolean flat = l.stream().allMatch(Json::scalar);
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? "," : "");
                if (flat) {
                    sb.append(i > 0 ? " " : "");
                } else {
                    newline(sb, depth + 1);
                }
                write(sb, l.get(i), depth + 1);
            }
            if (!flat && !l.isEmpty()) {
                newline(sb, depth);
            }
            sb.append(']');
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Double d) {
            sb.append(number(d));
        } else if (v instanceof Float f) {
            sb.append(number(f.doubleValue()));
        } else if (v == null || v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private static boolean scalar(Object v) {
        return !(v instanceof Map<?, ?>) && !(v instanceof List<?> l && !l.stream().allMatch(Json::scalar));
    }

    private static void newline(StringBuilder sb, int depth) {
        sb.append('\n').append("  ".repeat(depth));
    }

    /** A double as JSON: Double.toString, which reads back to the same bits (tested); null if not finite. */
    public static String number(double x) {
        if (!Double.isFinite(x)) {
            return "null";
        }
        return Double.toString(x);
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    // Escaping everything outside ASCII keeps the output intact whatever the terminal's charset.
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    // ---------------------------------------------------------------- reading

    /** Malformed JSON; the message starts with "line L, column C:". */
    public static class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    /**
     * Arrays and objects nested deeper than {@link #MAX_DEPTH}: well-formed perhaps, but no file of
     * ours is, and parsing on would overflow the stack. The message starts with "line L, column C:".
     */
    public static final class TooDeepException extends SyntaxException {
        private static final long serialVersionUID = 1L;

        TooDeepException(String message) {
            super(message);
        }
    }

    /** Deepest nesting of arrays and objects read; what we write nests at most 4 deep. */
    public static final int MAX_DEPTH = 64;

    /**
     * Parses one JSON document: objects become {@code LinkedHashMap<String, Object>}, arrays
     * {@code ArrayList<Object>}, numbers Double, and null stays null.
     */
    public static Object parse(String text) throws SyntaxException {
        Parser p = new Parser(text);
        p.skipSpace();
        Object v = p.value();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describeNext() + " after the end of the JSON value");
        }
        return v;
    }

    private static final class Parser {
        private final String s;
        private int pos;
        private int depth;

        Parser(String s) {
            this.s = s;
        }

        Object value() throws SyntaxException {
            if (pos >= s.length()) {
                throw error("expected a value but the text ended");
            }
            char c = s.charAt(pos);
            if ((c == '{' || c == '[') && depth == MAX_DEPTH) {
                throw new TooDeepException(where() + "arrays and objects nested more than " + MAX_DEPTH + " deep");
            }
            return switch (c) {
                case '{' -> nested(true);
                case '[' -> nested(false);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("expected a value but found " + describeNext());
                }
            };
        }

        private Object nested(boolean object) throws SyntaxException {
            depth++;
            Object v = object ? object() : array();
            depth--;
            return v;
        }

        private Map<String, Object> object() throws SyntaxException {
            Map<String, Object> m = new LinkedHashMap<>();
            if (closesAtOnce('}')) {
                return m;
            }
            do {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a member name in double quotes but found " + describeNext());
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                m.put(key, value());
            } while (another('}'));
            return m;
        }

        private List<Object> array() throws SyntaxException {
            List<Object> l = new ArrayList<>();
            if (closesAtOnce(']')) {
                return l;
            }
            do {
                skipSpace();
                l.add(value());
            } while (another(']'));
            return l;
        }

        /** Steps over the opening bracket; true, past {@code close} too, when nothing is inside ({} or []). */
        private boolean closesAtOnce(char close) {
            pos++;
            skipSpace();
            if (peek() == close) {
                pos++;
                return true;
            }
            return false;
        }

        /** After a member or an element: true past a ',' (another follows), false past {@code close}. */
        private boolean another(char close) throws SyntaxException {
            skipSpace();
            if (peek() == ',') {
                pos++;
                return true;
            } else if (peek() == close) {
                pos++;
                return false;
            }
            throw error("expected ',' or '" + close + "' but found " + describeNext());
        }

        private String string() throws SyntaxException {
            pos++; // opening quote
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("a string is not closed (missing '\"')");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                } else if (c < 0x20) {
                    pos--;
                    throw error("control character inside a string");
                } else if (c != '\\') {
                    sb.append(c);
                } else {
                    if (pos >= s.length()) {
                        throw error("a string is not closed (missing '\"')");
                    }
                    char e = s.charAt(pos++);
                    switch (e) {
                        case '"', '\\', '/' -> sb.append(e);
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (pos + 4 > s.length() || !s.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                                throw error("\\u must be followed by four hex digits");
                            }
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> {
                            pos -= 2;
                            throw error("unknown escape \\" + e + " in a string");
                        }
                    }
                }
            }
        }

        /** JSON's number grammar exactly: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
        private Double number() throws SyntaxException {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (digit(peek())) {
                digits();
            } else {
                throw error("expected a digit but found " + describeNext());
            }
            if (peek() == '.') {
                pos++;
                if (!digit(peek())) {
                    throw error("expected a digit after '.' but found " + describeNext());
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!digit(peek())) {
                    throw error("expected a digit in the exponent but found " + describeNext());
                }
                digits();
            }
            return Double.parseDouble(s.substring(start, pos));
        }

        private void digits() {
            while (digit(peek())) {
                pos++;
            }
        }

        private static boolean digit(int c) {
            return c >= '0' && c <= '9';
        }

        private Object literal(String word, Object v) throws SyntaxException {
            if (!s.startsWith(word, pos)) {
                throw error("expected a value but found " + describeNext());
            }
            pos += word.length();
            return v;
        }

        private void expect(char c) throws SyntaxException {
            if (peek() != c) {
                throw error("expected '" + c + "' but found " + describeNext());
            }
            pos++;
        }

        private int peek() {
            return pos < s.length() ? s.charAt(pos) : -1;
        }

        void skipSpace() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        String describeNext() {
            if (pos >= s.length()) {
                return "the end of the text";
            }
            int end = pos;
            while (end < s.length() && end - pos < 12 && !Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            return "'" + s.substring(pos, Math.max(end, pos + 1)) + "'";
        }

        SyntaxException error(String what) {
            return new SyntaxException(where() + what);
        }

        /** "line L, column C: " of the current position. */
        private String where() {
            int line = 1;
            int col = 1;
            for (int i = 0; i < pos && i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return "line " + line + ", column " + col + ": ";
        }
    }
}
