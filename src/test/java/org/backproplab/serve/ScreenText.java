package org.backproplab.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a terminal would show after these bytes, enough for the tests: printable characters,
 * cursor positioning (CSI row;col H), clear screen (CSI 2J), CR and LF; other escapes are skipped.
 */
final class ScreenText {
    private ScreenText() {
    }

    static String of(String stream, int cols, int rows) {
        char[][] grid = blank(cols, rows);
        int r = 0;
        int c = 0;
        for (int i = 0; i < stream.length(); i++) {
            char ch = stream.charAt(i);
            if (ch == '\033' && i + 1 < stream.length() && stream.charAt(i + 1) == '[') {
                int j = i + 2;
                while (j < stream.length() && !Character.isLetter(stream.charAt(j))) {
                    j++;
                }
                if (j >= stream.length()) {
                    break;
                }
                String args = stream.substring(i + 2, j);
                char op = stream.charAt(j);
                if (op == 'H') {
                    String[] p = args.isEmpty() ? new String[] {"1", "1"} : args.split(";");
                    r = Integer.parseInt(p[0]) - 1;
                    c = p.length > 1 ? Integer.parseInt(p[1]) - 1 : 0;
                } else if (op == 'J' && args.equals("2")) {
                    grid = blank(cols, rows);
                }
                i = j;
            } else if (ch == '\r') {
                c = 0;
            } else if (ch == '\n') {
                r++;
            } else if (ch >= ' ' && r >= 0 && r < rows && c >= 0 && c < cols) {
                grid[r][c++] = ch;
            }
        }
        List<String> lines = new ArrayList<>();
        for (char[] line : grid) {
            lines.add(new String(line).stripTrailing());
        }
        return String.join("\n", lines);
    }

    private static char[][] blank(int cols, int rows) {
        char[][] g = new char[rows][cols];
        for (char[] line : g) {
            java.util.Arrays.fill(line, ' ');
        }
        return g;
    }
}
