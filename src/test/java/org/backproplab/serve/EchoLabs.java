package org.backproplab.serve;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import org.backproplab.tui.LabOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in lab for the server's tests: it shows its size, the keys it got (Enter as "Enter"),
 * a few two-byte characters and its role (title, and whether it only watches), redrawing in full
 * after every event so the text can be found in the byte stream; q quits.
 */
final class EchoLabs implements LabFactory {
    static final String GLYPHS = "é±×µ";

    final List<LabOptions> looks = new CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();

    @Override
    public RunningLab open(Terminal terminal, LabOptions look) {
        looks.add(look);
        return new Echo(terminal, look);
    }

    private final class Echo implements RunningLab {
        private final Terminal terminal;
        private final StringBuilder keys = new StringBuilder();
        private volatile boolean stopped;
        private volatile String role;
        private volatile boolean roleChanged;

        Echo(Terminal terminal, LabOptions look) {
            this.terminal = terminal;
            this.role = describe(look.readOnly(), look.title());
        }

        private static String describe(boolean readOnly, String title) {
            return "role " + title + (readOnly ? " (watching)" : " (driving)") + ".";
        }

        @Override
        public void run() throws Exception {
            running.incrementAndGet();
            Screen screen = new TerminalScreen(terminal);
            screen.startScreen();
            try {
                draw(screen);
                while (!stopped) {
                    KeyStroke k = screen.pollInput();
                    TerminalSize resized = screen.doResizeIfNecessary();
                    boolean newRole = roleChanged;
                    roleChanged = false;
                    if (k == null && resized == null && !newRole) {
                        Thread.sleep(10);
                        continue;
                    }
                    if (k != null) {
                        if (k.getKeyType() == KeyType.EOF) {
                            return;
                        }
                        if (k.getKeyType() == KeyType.Character && k.getCharacter() == 'q') {
                            return;
                        }
                        keys.append(k.getKeyType() == KeyType.Character ? String.valueOf(k.getCharacter())
                                : k.getKeyType().name()).append('|');
                    }
                    draw(screen);
                }
            } finally {
                try {
                    screen.stopScreen(); // throws when the connection is already gone
                } finally {
                    running.decrementAndGet();
                }
            }
        }

        private void draw(Screen screen) throws java.io.IOException {
            TextGraphics g = screen.newTextGraphics();
            g.fill(' ');
            TerminalSize s = screen.getTerminalSize();
            g.putString(0, 0, "size " + s.getColumns() + "x" + s.getRows() + " " + GLYPHS);
            g.putString(0, 1, "keys " + keys + "end");
            g.putString(0, 2, role);
            screen.refresh(Screen.RefreshType.COMPLETE);
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public void setRole(boolean readOnly, String title) {
            role = describe(readOnly, title);
            roleChanged = true;
        }

        @Override
        public Progress progress() {
            return new Progress(keys.length(), 0.25, "echo");
        }
    }
}
