package org.backproplab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedValuesReadably() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", 3L);
        m.put("ok", true);
        m.put("name", "w_x1_h1");
        m.put("inputs", List.of(0, 1));
        m.put("nothing", null);
        m.put("list", List.of(Map.of("value", 0.5)));
        assertThat(Json.write(m)).isEqualTo("""
                {
                  "epochs": 3,
                  "ok": true,
                  "name": "w_x1_h1",
                  "inputs": [0, 1],
                  "nothing": null,
                  "list": [
                    {"value": 0.5}
                  ]
                }
                """);
    }

    @Test
    void escapesQuotesControlCharactersAndEverythingOutsideAscii() throws Exception {
        String s = "a\"b\\c\nd\u0001 O(\u03b5)";
        String json = Json.write(s);
        assertThat(json).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001 O(\\u03b5)\"\n");
        assertThat(Json.parse(json)).isEqualTo(s);
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        assertThat(Json.number(Double.NaN)).isEqualTo("null");
        assertThat(Json.number(Double.POSITIVE_INFINITY)).isEqualTo("null");
    }

    @Test
    void parsesAllKindsOfValues() throws Exception {
        Object v = Json.parse(" {\"a\": [1, -2.5e-3, true, false, null, \"x\\u0041\"], \"b\": {}} ");
        assertThat(v).isEqualTo(Map.of("a", Arrays.asList(1.0, -0.0025, true, false, null, "xA"), "b", Map.of()));
    }

    @Test
    void syntaxErrorsSayLineAndColumn() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"))
                .hasMessage("line 3, column 7: expected ':' but found '2'");
        assertThatThrownBy(() -> Json.parse("{\"parameters\": [{\"name\": \"w\", \"value\": 0.1}"))
                .hasMessage("line 1, column 44: expected ',' or ']' but found the end of the text");
        assertThatThrownBy(() -> Json.parse("[01]")).hasMessageContaining("expected ',' or ']'");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1 \"b\": 2}"))
                .hasMessage("line 1, column 9: expected ',' or '}' but found '\"b\":'");
        assertThatThrownBy(() -> Json.parse("[1,]")).hasMessageContaining("expected a value but found ']'");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1,}"))
                .hasMessageContaining("expected a member name in double quotes but found '}'");
        assertThatThrownBy(() -> Json.parse("[1.]")).hasMessageContaining("expected a digit after '.'");
        assertThatThrownBy(() -> Json.parse("[NaN]")).hasMessageContaining("expected a value but found 'NaN]'");
        assertThatThrownBy(() -> Json.parse("\"abc")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Json.parse("{} x")).hasMessageContaining("after the end");
        assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("the text ended");
    }

    /** Any finite double, written and read back, keeps every bit (the --save / --init promise). */
    @Property(tries = 3000)
    void doublesRoundTripBitForBit(@ForAll long bits) throws Exception {
        double x = Double.longBitsToDouble(bits);
        if (!Double.isFinite(x)) {
            return;
        }
        double back = (Double) Json.parse(Json.number(x));
        assertThat(Double.doubleToRawLongBits(back)).isEqualTo(Double.doubleToRawLongBits(x));
    }

    @Test
    void edgeDoublesRoundTrip() throws Exception {
        for (double x : new double[] {-0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_NORMAL, 1e-4, 0.1, 2e23}) {
            double back = (Double) Json.parse(Json.number(x));
            assertThat(Double.doubleToRawLongBits(back)).as("%s", x).isEqualTo(Double.doubleToRawLongBits(x));
        }
    }

    /** Nesting is bounded: 100,000 '[' used to overflow the stack; 64 levels still read, 65 do not. */
    @Test
    void nestingDeeperThanSixtyFourLevelsIsRefusedWhereItStarts() throws Exception {
        assertThatThrownBy(() -> Json.parse("[".repeat(100_000)))
                .isInstanceOf(Json.TooDeepException.class)
                .hasMessage("line 1, column 65: arrays and objects nested more than 64 deep");
        assertThatThrownBy(() -> Json.parse("{\"a\":\n" + "[".repeat(64) + "]".repeat(64) + "}"))
                .isInstanceOf(Json.TooDeepException.class).hasMessageStartingWith("line 2, column 64:");
        Object deepest = Json.parse("[".repeat(64) + "]".repeat(64));
        for (int level = 1; level < 64; level++) {
            assertThat(deepest).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(1);
            deepest = ((List<?>) deepest).get(0);
        }
        assertThat(deepest).isEqualTo(List.of());
    }
}
