package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.backproplab.grad.PlantedBug;
import org.backproplab.train.BugHunt;
import org.backproplab.train.Config;
import org.backproplab.train.Preset;
import org.backproplab.train.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * Every title of every panel, view and overlay, at every width from 80 to 250: whole, never cut
 * mid-word, with a space and a rule cell after it before the next panel's junction; a shorter
 * form where the long one does not fit. And one way of saying which rows of a table are shown.
 */
class TitlesRenderTest {
    private static final Theme UNICODE = new Theme(true, false);
    private static final Theme ASCII = new Theme(false, true);
    /** The characters of rules, junctions and the diagram's lines: no title holds one. */
    private static final String GLYPHS = "─━╌│┬┴┼├┤┌┐└┘▶";
    /** A panel's title row in ASCII: "- title -----", with the rows shown perhaps, and nothing cut. */
    private static final Pattern ASCII_HEADING = Pattern.compile("- \\S(.*\\S)? -+( rows \\d+-\\d+ of \\d+ -)?");

    /** A snapshot with everything the views draw: an explanation, an ε study, a trace, a bug hunt's answer. */
    private static Snapshot everything(Config c, int epochs) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < c.architecture().parameterCount(); k++) names.add(c.architecture().name(k));
        double[] zeros = new double[names.size()];
        BugHunt hunt = new BugHunt(1, PlantedBug.NO_MEAN, PlantedBug.NO_MEAN, 10, 0.28, 0.2, names, zeros, zeros, List.of());
        return TraceViewRenderTest.withTrace(GradientTeachingRenderTest.snapshot(c, epochs, 1, null, 1, hunt));
    }

    /** The screens to look at: every view, and over the lab every overlay. */
    private static List<UiState> screens() {
        List<UiState> out = new ArrayList<>();
        for (UiState.View v : UiState.View.values()) out.add(UiState.initial().select(1, 100).withView(v).withTraceStep(40, 99));
        for (UiState.Overlay o : new UiState.Overlay[] {UiState.Overlay.HELP, UiState.Overlay.LEGEND,
                UiState.Overlay.REASONS, UiState.Overlay.EXPLAIN, UiState.Overlay.HUNT_QUESTION, UiState.Overlay.HUNT_RESULT}) {
            out.add(UiState.initial().select(1, 100).withOverlay(o).withHuntResult(o == UiState.Overlay.HUNT_RESULT ? 1 : 0)
                    .withOverlay(o));
        }
        return out;
    }

    /**
     * In Unicode, where no text holds a rule character: every "─ T" on a rule begins a title,
     * which runs to the next rule or junction and must end with a space and a plain rule cell.
     */
    private static void assertTitlesWhole(VirtualScreen v, List<String> under, String where) {
        List<String> rows = v.rows();
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            for (int i = 0; i + 2 < row.length(); i++) {
                // over an overlay, only its own title: what the screen under it shows is partly covered
                if (under != null && under.get(r).charAt(i + 2) == row.charAt(i + 2)) continue;
                boolean ruleBefore = i == 0 || GLYPHS.indexOf(row.charAt(i - 1)) >= 0; // a rule, not a legend's "─ >= 0.1"
                if (row.charAt(i) != '─' || !ruleBefore || row.charAt(i + 1) != ' ' || row.charAt(i + 2) == ' '
                        || GLYPHS.indexOf(row.charAt(i + 2)) >= 0) {
                    continue;
                }
                int j = i + 2;
                while (j < row.length() && GLYPHS.indexOf(row.charAt(j)) < 0) j++;
                assertThat(j < row.length() && row.charAt(j) == '─' && row.charAt(j - 1) == ' ')
                        .as("%s: the title in \"%s\" is whole, a space and a rule after it", where, row.substring(i, j)).isTrue();
                i = j - 1;
            }
        }
    }

    /** In ASCII, the panels' title rows, each panel's part of its row on its own. */
    private static void assertAsciiTitlesWhole(VirtualScreen v, Snapshot s, UiState ui, int width, int height, String where) {
        Layout l = Layout.of(width, height, s.parameterCount());
        List<String> parts = new ArrayList<>();
        if (ui.view() == UiState.View.LAB) {
            parts.add(v.row(l.weights().row(), 0, l.weights().right()));
            parts.add(v.row(l.gradients().row(), l.gradients().col(), width));
            parts.add(v.row(l.truth().row(), 0, l.truth().right()));
            parts.add(v.row(l.loss().row(), l.loss().col(), l.loss().right()));
            if (l.network().width() > 0) parts.add(v.row(l.network().row(), l.network().col(), width));
        } else {
            parts.add(v.row(l.view().row()));
        }
        for (String part : parts) assertThat(part).as("%s: a title row", where).matches(ASCII_HEADING);
    }

    @Test
    void everyTitleIsWholeAtEveryWidth() throws Exception {
        // two units (the network beside the loss chart from 150 columns) at 24 rows and at 40 (the
        // help in one column); four, with cross-entropy's titles, at 24 rows (the tables scroll)
        Snapshot two = everything(Preset.TEXTBOOK.defaults(), 5);
        Snapshot four = everything(Preset.REFERENCE.defaults().withHidden(4), 5);
        for (Snapshot s : new Snapshot[] {two, four}) {
            for (int height : s == two ? new int[] {24, 40} : new int[] {24}) {
                for (int width = 80; width <= 250; width++) {
                    VirtualScreen v = new VirtualScreen(width, height);
                    for (UiState ui : screens()) {
                        String where = width + "x" + height + " H=" + s.config().hidden() + " " + ui.view() + " " + ui.overlay();
                        List<String> under = null;
                        if (ui.overlay() != UiState.Overlay.NONE) under = v.draw(s, ui.withOverlay(UiState.Overlay.NONE), UNICODE).rows();
                        v.draw(s, ui, UNICODE);
                        assertTitlesWhole(v, under, where);
                        if (ui.overlay() == UiState.Overlay.NONE && ui.view() != UiState.View.TRACE) {
                            v.draw(s, ui, ASCII);
                            assertAsciiTitlesWhole(v, s, ui, width, height, where + " ascii");
                        }
                    }
                }
            }
        }
    }

    /** Which rows a scrolled table shows is said one way, "rows 1-15 of 17", wherever it is said. */
    @Test
    void theRowsShownAreSaidOneWay() throws Exception {
        for (int[] run : new int[][] {{4, 100, 30}, {8, 120, 40}, {4, 80, 24}, {8, 80, 24}, {8, 250, 40}}) {
            Snapshot s = everything(Preset.TEXTBOOK.defaults().withHidden(run[0]), 0);
            int p = s.parameterCount();
            for (Theme t : new Theme[] {UNICODE, ASCII}) {
                VirtualScreen v = new VirtualScreen(run[1], run[2]).draw(s, UiState.initial(), t);
                String titles = v.row(StatusPanel.ROWS);
                int visible = Layout.of(run[1], run[2], p).weights().height() - 2;
                assertThat(titles).as("%s", titles).contains(" rows 1-" + visible + " of " + p + " ");
                assertThat(titles.replace(" rows 1-" + visible + " of " + p + " ", "")).doesNotContain("1-" + visible);
            }
        }
    }
}
