package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backproplab.train.Config;
import org.backproplab.train.Preset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The command line: {@code backprop-lab [COMMAND] [OPTIONS]}; with no command, the live TUI. */
@Command(name = "backprop-lab",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = {
            "Watch a 2-H-1 network learn a logic gate, with the numeric and the chain-rule gradient side by side.",
            "With no command it opens the live terminal UI (the same as 'tui')."},
        subcommands = {
            TuiCommand.class,
            TrainCommand.class,
            GradcheckCommand.class,
            SweepCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Mixin
    TuiCommand tui = new TuiCommand();

    @Override
    public Integer call() throws Exception {
        return tui.call();
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given streams and returns its exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Errors::usage);
        cl.setExecutionExceptionHandler(Errors::runtime);
        cl.setExecutionStrategy(Main::refuseOptionsBeforeTheCommand);
        String[] presets = presetsFooter();
        cl.getCommandSpec().usageMessage().footer(presets);
        cl.getSubcommands().values().forEach(sub -> {
            if (sub.getCommandSpec().findOption("--preset") != null) {
                sub.getCommandSpec().usageMessage().footer(presets);
            }
        });
        return cl;
    }

    /**
     * {@code backprop-lab --lr 1 train} would train with the default rate (the options before the
     * command belong to the TUI), so it is refused with a hint instead of silently ignored.
     */
    private static int refuseOptionsBeforeTheCommand(CommandLine.ParseResult parsed) {
        if (parsed.hasSubcommand() && !parsed.matchedOptions().isEmpty()) {
            String command = parsed.subcommand().commandSpec().name();
            throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(),
                    "options go after the command: '" + parsed.matchedOptions().get(0).longestName() + "' was given before '"
                            + command + "' (write 'backprop-lab " + command + " OPTIONS')");
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** The presets' settings, from the presets themselves, so the help never disagrees with them. */
    static String[] presetsFooter() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Presets (any option above overrides one setting):");
        for (Preset p : Preset.values()) {
            Config c = p.defaults();
            lines.add(String.format(Locale.ROOT, "  %-10s --hidden %d --activation %s --loss %s --lr %s",
                    p.id(), c.hidden(), c.activation().id(), c.loss().id(), Fmt.plain(c.learningRate())));
            lines.add(String.format(Locale.ROOT, "  %-10s --init-scheme %s --seed %d", "", c.initScheme().id(), c.seed()));
            lines.add(String.format(Locale.ROOT, "  %-10s --method %s --difference %s --epsilon %s", "", c.method().id(),
                    c.difference().id(), Fmt.plain(c.epsilon())));
        }
        return lines.toArray(String[]::new);
    }
}
