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
        NEW_SEED, SAME_SEED, ADAPT_LR, NEXT_GATE, NEXT_UNITS, NEXT_ACTIVATION, SELECT_UP, SELECT_DOWN, EXPLAIN,
        SURFACE, COST, NETWORK, ROW, TRACE, BACK, EPSILON_STUDY, BUG_HUNT, END_HUNT, LOG_SCALE, WRITE_PARAMETERS,
        WRITE_HISTORY, HELP, CLOSE, REDRAW, QUIT;

        /** Whether the action drives the trainer (a read-only watcher cannot). */
        public boolean drivesTrainer() {
            return switch (this) {
                case TOGGLE_RUN, STEP, TRACE, SWITCH_METHOD, SWITCH_DIFFERENCE, FASTER, SLOWER, LR_UP, LR_DOWN,
                        NEW_SEED, SAME_SEED, ADAPT_LR, NEXT_GATE, NEXT_UNITS, NEXT_ACTIVATION, BUG_HUNT, END_HUNT -> true;
                default -> false;
            };
        }

        /** Whether the action writes a file (only a lab that may write files can). */
        public boolean writesFile() {
            return this == WRITE_PARAMETERS || this == WRITE_HISTORY;
        }

        /**
         * Whether a lab with these options lets its user do it: a watcher of a shared lab drives
         * nothing and writes nothing, and only a lab with a folder to save in writes files. The keys,
         * the footer and the help all ask this, so a key that does nothing here is not offered.
         */
        public boolean enabledIn(LabOptions o) {
            if (drivesTrainer()) return !o.readOnly();
            if (writesFile()) return !o.readOnly() && o.saveDirectory() != null;
            return true;
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

        /** At most this long, {@link #brief()} fits a help in two columns at 80 columns. */
        static final int BRIEF = 24;

        /** The description's head for a help in two columns: before " (", and before ':' if still long. */
        public String brief() {
            String s = description;
            int paren = s.indexOf(" (");
            if (paren > 0) s = s.substring(0, paren);
            int colon = s.indexOf(':');
            if (s.length() > BRIEF && colon > 0) s = s.substring(0, colon);
            return s;
        }
    }

    private static Binding b(Action a, List<Key> keys, String label, String asciiLabel, String footerLabel,
                             String description, String footerText, int footer) {
        return new Binding(a, keys, label, asciiLabel, footerLabel, description, footerText, footer);
    }

    /** A binding to one character, written as itself in help and, where it is ranked, in the footer. */
    private static Binding key(Action a, char c, String description, String footerText, int footer) {
        String label = String.valueOf(c);
        return b(a, List.of(Key.of(c)), label, label, footer > 0 ? label : "", description, footerText, footer);
    }

    public static final List<Binding> BINDINGS = List.of(
            b(Action.TOGGLE_RUN, List.of(Key.of(' ')), "space", "space", "space",
                    "run / pause training", "run/pause", 1),
            b(Action.STEP, List.of(Key.of('n'), Key.of(KeyType.ArrowRight)), "n or →", "n or Right", "n",
                    "one epoch (pauses first when running)", "step", 2),
            key(Action.SWITCH_METHOD, 'm', "method driving training: chain rule / numeric", "method", 3),
            key(Action.SWITCH_DIFFERENCE, 'd', "numeric difference: forward / central", "difference", 13),
            b(Action.FASTER, List.of(Key.of('+'), Key.of('=')), "+", "+", "+/-",
                    "faster: 1, 3, 10, 30 ... 100,000 epochs/s, max", "speed", 7),
            b(Action.SLOWER, List.of(Key.of('-'), Key.of('_')), "-", "-", "",
                    "slower", "", 0),
            b(Action.LR_UP, List.of(Key.of(']')), "]", "]", "]/[",
                    "learning rate up (1, 2, 5 x 10^k ladder)", "lr", 10),
            key(Action.LR_DOWN, '[', "learning rate down", "", 0),
            key(Action.NEW_SEED, 'r', "restart, new random seed", "restart", 11),
            key(Action.SAME_SEED, 'R', "restart, same seed (keeps lr, method, speed)", "", 0),
            key(Action.ADAPT_LR, 'a', "adapt lr by its gradient (hypergradient descent), on / off", "adapt lr", 16),
            key(Action.NEXT_GATE, 'g', "next gate: xor, and, or, nand, nor, xnor (restarts, same seed)", "gate", 12),
            key(Action.NEXT_UNITS, 'u',
                    "more hidden units: 1 to 4 (or to --hidden), then 1 (restarts, same seed)", "units", 14),
            key(Action.NEXT_ACTIVATION, 'i',
                    "next activation: sigmoid, tanh, relu (restarts, same seed)", "activation", 15),
            b(Action.SELECT_UP, List.of(Key.of(KeyType.ArrowUp), Key.of('k')), "↑ or k", "Up or k", "",
                    "select the row above (the parameter to explain)", "", 0),
            b(Action.SELECT_DOWN, List.of(Key.of(KeyType.ArrowDown), Key.of('j')), "↓ or j", "Down or j", "",
                    "select the row below", "", 0),
            b(Action.EXPLAIN, List.of(Key.of(KeyType.Enter)), "Enter", "Enter", "Enter",
                    "explain the selected row: its gradient both ways, with the real numbers", "explain", 4),
            key(Action.EPSILON_STUDY, 'E',
                    "epsilon study: the selected row's error for eps 1e-1 to 1e-13", "eps study", 20),
            key(Action.BUG_HUNT, 'b',
                    "bug hunt: plant a bug in the chain rule at random (again: name it)", "bug hunt", 21),
            key(Action.END_HUNT, 'B', "end the bug hunt: which bug it was", "", 0),
            key(Action.SURFACE, 's',
                    "the output surface: what the network learned over the input square", "surface", 8),
            key(Action.COST, 'c', "cost of each method: passes per epoch, measured epochs/s", "cost", 9),
            key(Action.NETWORK, 'v', "the network drawn: weights on its edges, z and a on its nodes", "network", 20),
            b(Action.ROW, List.of(Key.of('1'), Key.of('2'), Key.of('3'), Key.of('4')), "1 .. 4", "1 .. 4", "",
                    "network view's row: which truth-table row its z, a and output are of", "", 0),
            key(Action.TRACE, 't', "trace the next epoch: step by step on the network (pauses)", "trace", 21),
            b(Action.BACK, List.of(Key.of(KeyType.ArrowLeft)), "←", "Left", "",
                    "one step back in a trace", "", 0),
            key(Action.LOG_SCALE, 'l', "loss chart: linear / log scale", "log", 17),
            key(Action.WRITE_PARAMETERS, 'w', "save the parameters: a new JSON file (for --init)", "save", 18),
            key(Action.WRITE_HISTORY, 'e', "export the loss history: a new CSV file", "export", 19),
            b(Action.HELP, List.of(Key.of('?'), Key.of('h')), "? or h", "? or h", "?",
                    "help pages: the keys, what the words and reasons mean (Esc closes)", "help", 5),
            b(Action.CLOSE, List.of(Key.of(KeyType.Escape)), "Esc", "Esc", "",
                    "close what is open: help, an explanation, a view", "", 0),
            b(Action.REDRAW, List.of(Key.ctrl('l')), "Ctrl-L", "Ctrl-L", "",
                    "redraw the whole screen", "", 0),
            b(Action.QUIT, List.of(Key.of('q'), Key.ctrl('c'), Key.of(KeyType.EOF)), "q or Ctrl-C", "q or Ctrl-C", "q",
                    "quit", "quit", 6));

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

    /** The footer's entries in rank order (each drawn only where {@link Action#enabledIn} it). */
    public static List<Binding> footer() {
        return FOOTER;
    }

    /** The bindings a lab with these options offers, in the help's order. */
    public static List<Binding> enabled(LabOptions o) {
        return BINDINGS.stream().filter(b -> b.action().enabledIn(o)).toList();
    }

    private static final List<Binding> FOOTER = BINDINGS.stream().filter(b -> b.footer() > 0)
            .sorted(java.util.Comparator.comparingInt(Binding::footer)).toList();
}
