package org.backproplab.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.Optional;

/**
 * The one key table: key handling, the footer and the help overlay all read it, so they cannot
 * disagree. Order is the order of the help overlay; {@code footer} ranks the keys the footer
 * shows when there is room (lower first, 0 = never).
 */
public final class Keymap {

    public enum Action {
        TOGGLE_RUN, STEP, SWITCH_METHOD, SWITCH_DIFFERENCE, FASTER, SLOWER, LR_UP, LR_DOWN,
        NEW_SEED, SAME_SEED, SELECT_UP, SELECT_DOWN, LOG_SCALE, HELP, CLOSE, REDRAW, QUIT;

        /** Whether the action drives the trainer (a read-only watcher cannot). */
        public boolean drivesTrainer() {
            return switch (this) {
                case TOGGLE_RUN, STEP, SWITCH_METHOD, SWITCH_DIFFERENCE, FASTER, SLOWER, LR_UP, LR_DOWN,
                        NEW_SEED, SAME_SEED -> true;
                default -> false;
            };
        }
    }

    /** One key: a character (with Ctrl or not) or a special key such as an arrow. */
    public record Key(KeyType type, char character, boolean ctrl) {
        public static Key of(char c) {
            return new Key(KeyType.Character, c, false);
        }

        public static Key ctrl(char c) {
            return new Key(KeyType.Character, c, true);
        }

        public static Key of(KeyType type) {
            return new Key(type, '\0', false);
        }

        public boolean matches(KeyStroke k) {
            if (k.getKeyType() != type) return false;
            if (type != KeyType.Character) return true;
            return k.getCharacter() != null && k.getCharacter() == character && k.isCtrlDown() == ctrl && !k.isAltDown();
        }
    }

    /**
     * @param keys        the keys that do it
     * @param label       how the keys are written in help ({@code asciiLabel} without Unicode)
     * @param footerLabel how the footer writes them, short
     * @param description what it does, in help
     * @param footerText  what it does, in the footer (short)
     * @param footer      rank in the footer (1 first; 0: not in the footer)
     */
    public record Binding(Action action, List<Key> keys, String label, String asciiLabel, String footerLabel,
                          String description, String footerText, int footer) {
        public String label(boolean ascii) {
            return ascii ? asciiLabel : label;
        }
    }

    private static Binding b(Action a, List<Key> keys, String label, String asciiLabel, String footerLabel,
                             String description, String footerText, int footer) {
        return new Binding(a, keys, label, asciiLabel, footerLabel, description, footerText, footer);
    }

    public static final List<Binding> BINDINGS = List.of(
            b(Action.TOGGLE_RUN, List.of(Key.of(' ')), "space", "space", "space",
                    "run / pause training", "run/pause", 1),
            b(Action.STEP, List.of(Key.of('n'), Key.of(KeyType.ArrowRight)), "n or →", "n or Right", "n",
                    "one epoch (pauses first when running)", "step", 2),
            b(Action.SWITCH_METHOD, List.of(Key.of('m')), "m", "m", "m",
                    "method that drives training: chain rule / numeric", "method", 3),
            b(Action.SWITCH_DIFFERENCE, List.of(Key.of('d')), "d", "d", "d",
                    "numeric difference: forward / central", "difference", 9),
            b(Action.FASTER, List.of(Key.of('+'), Key.of('=')), "+", "+", "+/-",
                    "faster: 1, 3, 10, 30 ... 100,000 epochs/s, max", "speed", 4),
            b(Action.SLOWER, List.of(Key.of('-'), Key.of('_')), "-", "-", "",
                    "slower", "", 0),
            b(Action.LR_UP, List.of(Key.of(']')), "]", "]", "]/[",
                    "learning rate up (1, 2, 5 x 10^k ladder)", "lr", 5),
            b(Action.LR_DOWN, List.of(Key.of('[')), "[", "[", "",
                    "learning rate down", "", 0),
            b(Action.NEW_SEED, List.of(Key.of('r')), "r", "r", "r",
                    "restart from a new random seed", "restart", 6),
            b(Action.SAME_SEED, List.of(Key.of('R')), "R", "R", "",
                    "restart from the same seed (keeps lr, method, speed)", "", 0),
            b(Action.SELECT_UP, List.of(Key.of(KeyType.ArrowUp), Key.of('k')), "↑ or k", "Up or k", "",
                    "select the parameter row above", "", 0),
            b(Action.SELECT_DOWN, List.of(Key.of(KeyType.ArrowDown), Key.of('j')), "↓ or j", "Down or j", "",
                    "select the parameter row below", "", 0),
            b(Action.LOG_SCALE, List.of(Key.of('l')), "l", "l", "l",
                    "loss chart: linear / log scale", "log", 10),
            b(Action.HELP, List.of(Key.of('?'), Key.of('h')), "? or h", "? or h", "?",
                    "this help (Esc or ? closes it)", "help", 7),
            b(Action.CLOSE, List.of(Key.of(KeyType.Escape)), "Esc", "Esc", "",
                    "close the help", "", 0),
            b(Action.REDRAW, List.of(Key.ctrl('l')), "Ctrl-L", "Ctrl-L", "",
                    "redraw the whole screen", "", 0),
            b(Action.QUIT, List.of(Key.of('q'), Key.ctrl('c'), Key.of(KeyType.EOF)), "q or Ctrl-C", "q or Ctrl-C", "q",
                    "quit", "quit", 8));

    private Keymap() {
    }

    /** The action bound to a key, if any. */
    public static Optional<Action> action(KeyStroke k) {
        if (k == null) return Optional.empty();
        for (Binding b : BINDINGS) {
            for (Key key : b.keys()) {
                if (key.matches(k)) return Optional.of(b.action());
            }
        }
        return Optional.empty();
    }

    public static Binding binding(Action a) {
        return BINDINGS.stream().filter(b -> b.action() == a).findFirst().orElseThrow();
    }

    /** The footer's entries in rank order. */
    public static List<Binding> footer() {
        return BINDINGS.stream().filter(b -> b.footer() > 0)
                .sorted(java.util.Comparator.comparingInt(Binding::footer)).toList();
    }
}
