package org.backproplab.cli;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.backproplab.train.Config;
import org.backproplab.train.Trainer;
import org.backproplab.tui.Lab;
import org.backproplab.tui.LabOptions;
import org.backproplab.tui.Rehearsal;
import org.backproplab.tui.Theme;
import org.backproplab.tui.term.LocalTerminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * The live terminal UI on this process's own terminal. Process-wide matters live here, around the
 * lab: the no-terminal check, signals (TERM, HUP, INT stop the lab in order, so the terminal is
 * always restored), and the exit code.
 */
@Command(name = "tui",
        description = {"Open the live terminal UI (the default): watch the network learn, with the numeric and the "
                + "chain-rule gradient side by side. Keys: space run/pause, n step, m method, ? all keys, q quit."})
public final class TuiCommand implements Callable<Integer> {
    /** If the lab has not stopped this long after a signal, exit anyway (Lanterna's hook restores the tty). */
    private static final long SIGNAL_GRACE_MILLIS = 3000;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--no-color", description = "No colours (also when the NO_COLOR variable is set and not empty).")
    boolean noColor;

    @Option(names = "--ascii", description = "Only ASCII characters (automatic when the locale is not UTF-8).")
    boolean ascii;

    @Option(names = "--no-mouse", description = "Leave the mouse to the terminal, to select and copy text as usual"
            + " (with the mouse on, Shift-drag selects text in most terminals).")
    boolean noMouse;

    @Override
    public Integer call() throws IOException {
        Config config = options.toConfig();
        if (System.console() == null) {
            throw new Errors.UsageException("the live view needs a terminal on standard input and output;"
                    + " for scripts use 'backprop-lab train'");
        }
        Map<String, String> env = System.getenv();
        Theme theme = Theme.from(env, noColor, ascii);
        LabOptions labOptions = new LabOptions(theme.colour(), theme.ascii(), false, null, java.nio.file.Path.of(""),
                !noMouse, config.init() == null ? null : options.origin());
        Trainer trainer = new Trainer(config, options.preset().id());
        Rehearsal.firstFrameSoon(trainer.snapshot(), labOptions); // loads the drawing code while stty runs
        LocalTerminal terminal = LocalTerminal.open(LocalTerminal.charset(env));
        Lab lab = new Lab(terminal, trainer, labOptions);
        AtomicInteger exit = new AtomicInteger(0);
        onSignal("INT", 130, lab, exit);
        onSignal("TERM", 143, lab, exit);
        onSignal("HUP", 129, lab, exit);
        trainer.start();
        try {
            lab.run();
        } finally {
            trainer.close();
            try {
                terminal.close(); // restores echo, line mode and the Ctrl-C / Ctrl-Z keys
            } catch (IOException | RuntimeException e) {
                // no terminal left to restore (hung up)
            }
        }
        return exit.get();
    }

    /** A signal stops the lab; the main thread then restores the terminal and exits with 128 + n. */
    private static void onSignal(String name, int code, Lab lab, AtomicInteger exit) {
        try {
            Signal.handle(new Signal(name), s -> {
                exit.compareAndSet(0, code);
                lab.stop();
                Thread guard = new Thread(() -> {
                    try {
                        Thread.sleep(SIGNAL_GRACE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.exit(code);
                }, "signal-guard");
                guard.setDaemon(true);
                guard.start();
            });
        } catch (IllegalArgumentException e) {
            // the signal is not available here (or the JVM keeps it): its default stays
        }
    }
}
