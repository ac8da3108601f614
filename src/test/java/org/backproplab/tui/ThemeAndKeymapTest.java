package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThemeAndKeymapTest {

    @Test
    void noColorMeansSetAndNotEmpty() {
        assertThat(Theme.from(Map.of("LANG", "C.UTF-8"), false, false).colour()).isTrue();
        assertThat(Theme.from(Map.of("LANG", "C.UTF-8", "NO_COLOR", ""), false, false).colour()).isTrue();
        assertThat(Theme.from(Map.of("LANG", "C.UTF-8", "NO_COLOR", "1"), false, false).colour()).isFalse();
        assertThat(Theme.from(Map.of("LANG", "C.UTF-8"), true, false).colour()).isFalse();
    }

    @Test
    void asciiWhenAskedOrWhenTheLocaleIsNotUtf8() {
        assertThat(Theme.from(Map.of("LANG", "en_US.UTF-8"), false, false).ascii()).isFalse();
        assertThat(Theme.from(Map.of("LANG", "de_DE.utf8"), false, false).ascii()).isFalse();
        assertThat(Theme.from(Map.of("LANG", "en_US.UTF-8"), false, true).ascii()).isTrue();
        assertThat(Theme.from(Map.of("LANG", "C"), false, false).ascii()).isTrue();
        assertThat(Theme.from(Map.of(), false, false).ascii()).as("no locale is the C locale").isTrue();
        // LC_ALL wins over LC_CTYPE, which wins over LANG
        assertThat(Theme.from(Map.of("LC_ALL", "POSIX", "LANG", "en_US.UTF-8"), false, false).ascii()).isTrue();
        assertThat(Theme.from(Map.of("LC_CTYPE", "en_US.UTF-8", "LANG", "C"), false, false).ascii()).isFalse();
        assertThat(Theme.from(Map.of("LC_ALL", "", "LC_CTYPE", "C.UTF-8"), false, false).ascii()).isFalse();
    }

    @Test
    void theIssuesKeysAreBound() {
        assertThat(action(' ')).isEqualTo(Keymap.Action.TOGGLE_RUN);
        assertThat(action('n')).isEqualTo(Keymap.Action.STEP);
        assertThat(Keymap.action(new KeyStroke(KeyType.ArrowRight))).contains(Keymap.Action.STEP);
        assertThat(action('m')).isEqualTo(Keymap.Action.SWITCH_METHOD);
        assertThat(action('d')).isEqualTo(Keymap.Action.SWITCH_DIFFERENCE);
        assertThat(action('+')).isEqualTo(Keymap.Action.FASTER);
        assertThat(action('-')).isEqualTo(Keymap.Action.SLOWER);
        assertThat(action(']')).isEqualTo(Keymap.Action.LR_UP);
        assertThat(action('[')).isEqualTo(Keymap.Action.LR_DOWN);
        assertThat(action('r')).isEqualTo(Keymap.Action.NEW_SEED);
        assertThat(action('R')).isEqualTo(Keymap.Action.SAME_SEED);
        assertThat(Keymap.action(new KeyStroke(KeyType.ArrowUp))).contains(Keymap.Action.SELECT_UP);
        assertThat(Keymap.action(new KeyStroke(KeyType.ArrowDown))).contains(Keymap.Action.SELECT_DOWN);
        assertThat(action('l')).isEqualTo(Keymap.Action.LOG_SCALE);
        assertThat(action('?')).isEqualTo(Keymap.Action.HELP);
        assertThat(Keymap.action(new KeyStroke(KeyType.Escape))).contains(Keymap.Action.CLOSE);
        assertThat(action('q')).isEqualTo(Keymap.Action.QUIT);
        assertThat(Keymap.action(new KeyStroke('c', true, false))).contains(Keymap.Action.QUIT);
        assertThat(action('c')).as("c alone is the cost view").isEqualTo(Keymap.Action.COST);
        assertThat(action('s')).isEqualTo(Keymap.Action.SURFACE);
        assertThat(Keymap.action(new KeyStroke(KeyType.Enter))).contains(Keymap.Action.EXPLAIN);
        assertThat(action('a')).isEqualTo(Keymap.Action.ADAPT_LR);
        assertThat(action('g')).isEqualTo(Keymap.Action.NEXT_GATE);
        assertThat(action('u')).isEqualTo(Keymap.Action.NEXT_UNITS);
        assertThat(action('i')).isEqualTo(Keymap.Action.NEXT_ACTIVATION);
        assertThat(action('w')).isEqualTo(Keymap.Action.WRITE_PARAMETERS);
        assertThat(action('e')).isEqualTo(Keymap.Action.WRITE_HISTORY);
        assertThat(Keymap.action(new KeyStroke(KeyType.EOF))).as("the input is gone: quit").contains(Keymap.Action.QUIT);
    }

    @Test
    void everyActionHasOneBindingAndNoKeyIsBoundTwice() {
        Set<Keymap.Action> actions = new HashSet<>();
        Set<Keymap.Key> keys = new HashSet<>();
        for (Keymap.Binding b : Keymap.BINDINGS) {
            assertThat(actions.add(b.action())).as("one binding for %s", b.action()).isTrue();
            for (Keymap.Key k : b.keys()) {
                assertThat(keys.add(k)).as("%s bound twice", k).isTrue();
            }
            assertThat(b.asciiLabel().chars().allMatch(c -> c < 128)).isTrue();
        }
        assertThat(actions).containsAll(Set.of(Keymap.Action.values()));
    }

    private static Keymap.Action action(char c) {
        return Keymap.action(new KeyStroke(c, false, false)).orElseThrow();
    }
    /**
     * A key's description is shown as it is in both themes (only its label has an ASCII form), so
     * it is ASCII: --ascii showed "ŷ" in the line of keys 1 .. 4.
     */
    @Test
    void everyKeysDescriptionAndAsciiLabelIsAscii() {
        for (Keymap.Binding b : Keymap.BINDINGS) {
            for (String text : new String[] {b.description(), b.asciiLabel(), b.footerText()}) {
                assertThat(text.chars().allMatch(c -> c < 128)).as("%s: '%s'", b.action(), text).isTrue();
            }
        }
    }
}
