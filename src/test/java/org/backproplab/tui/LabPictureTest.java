package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The README's picture (scripts/picture): the SVG holds every cell of the frame, in place and in its colours. */
class LabPictureTest {

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> all(Document d, String tag) {
        NodeList n = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) out.add((Element) n.item(i));
        return out;
    }

    /** The rows of text the SVG shows: each span put back at the column its x names (8.4 px a cell). */
    static List<String> rowsOf(Document d, int cols) {
        List<String> rows = new ArrayList<>();
        for (Element text : all(d, "text")) {
            char[] row = " ".repeat(cols).toCharArray();
            NodeList spans = text.getElementsByTagName("tspan");
            for (int i = 0; i < spans.getLength(); i++) {
                Element span = (Element) spans.item(i);
                int col = (int) Math.round(Double.parseDouble(span.getAttribute("x")) / 8.4);
                String s = span.getTextContent();
                assertThat(Double.parseDouble(span.getAttribute("textLength"))).isCloseTo(s.length() * 8.4,
                        org.assertj.core.api.Assertions.within(0.01));
                s.getChars(0, s.length(), row, col);
            }
            rows.add(new String(row));
        }
        return rows;
    }

    @Test
    void cellsKeepTheirPlaceColourAndStyle() throws Exception {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(10, 2));
        vt.setCursorPosition(0, 0);
        vt.setForegroundColor(TextColor.ANSI.GREEN);
        vt.putString("ok");
        vt.setForegroundColor(TextColor.ANSI.DEFAULT);
        vt.setCursorPosition(5, 1);
        vt.enableSGR(SGR.REVERSE);
        vt.putString("<x>");
        vt.disableSGR(SGR.REVERSE);
        vt.enableSGR(SGR.BOLD);
        vt.putString("&");
        Document d = parse(LabPicture.svg(vt));

        assertThat(rowsOf(d, 10)).containsExactly("ok        ", "     <x>& ");
        List<Element> spans = all(d, "tspan");
        assertThat(spans).extracting(Element::getTextContent).containsExactly("ok", "<x>", "&");
        assertThat(spans.get(0).getAttribute("fill")).isEqualTo("#0dbc79"); // the palette's green
        // reversed: the text takes the background's colour, and a rectangle of the text's colour is behind it
        assertThat(spans.get(1).getAttribute("fill")).isEqualTo(LabPicture.BACKGROUND);
        Element behind = all(d, "rect").get(1);
        assertThat(behind.getAttribute("fill")).isEqualTo(LabPicture.FOREGROUND);
        assertThat(behind.getAttribute("x")).isEqualTo("42"); // column 5 of 8.4 px
        assertThat(behind.getAttribute("width")).isEqualTo("25.2"); // three cells
        assertThat(spans.get(2).getAttribute("font-weight")).isEqualTo("bold");
        assertThat(spans.get(0).getAttribute("font-weight")).isEmpty();
    }

    @Test
    void thePictureIsTheLabsRealFrameCellForCell() throws Exception {
        DefaultVirtualTerminal vt = LabPicture.frame();
        Document d = parse(LabPicture.svg(vt));
        List<String> rows = rowsOf(d, LabPicture.COLUMNS);
        assertThat(rows).hasSize(LabPicture.ROWS);
        for (int r = 0; r < LabPicture.ROWS; r++) {
            StringBuilder expected = new StringBuilder();
            for (int c = 0; c < LabPicture.COLUMNS; c++) {
                TextCharacter t = vt.getCharacter(c, r);
                expected.append(t.getCharacterString());
            }
            assertThat(rows.get(r)).as("row " + r).isEqualTo(expected.toString());
        }
        String text = String.join("\n", rows);
        // the moment it shows: the textbook preset, central differences, after 2,500 epochs, learned
        assertThat(text).contains("epoch 2,500", "learned", "numeric: central", "preset textbook", "Truth table: XOR");
        assertThat(text).contains("✓ good").doesNotContainIgnoringCase("bad");
    }
}
