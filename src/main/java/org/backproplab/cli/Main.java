package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.backproplab.format.Numbers;
import org.backproplab.train.Config;
import org.backproplab.train.Guide;
import org.backproplab.train.Preset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The command line: {@code backprop-lab [COMMAND] [OPTIONS]}; with no command, the live TUI. Every
 * command inherits -h, -V (with this version), and the options listed in the order they are declared.
 */
@Command(name = Main.NAME,
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = {
            "Watch a 2-H-1 network learn a logic gate, with the numeric and the chain-rule gradient side by side.",
            "With no command it opens the live terminal UI (the same as 'tui').",
            "It teaches from the guide \"" + Guide.TITLE + "\", whose companion code the reference preset"
                    + " follows step for step:",
            "  " + Guide.REPOSITORY})
public final class Main implements Callable<Integer> {
    static final String NAME = "backprop-lab";

    /**
     * The commands, in the order help lists them. picocli models a command by reflection, which
     * costs start-up time, so a run that names its command models only that one (see {@link #commandLine}).
     */
    static final List<Class<?>> COMMANDS = List.of(
            TuiCommand.class,
            TrainCommand.class,
            GradcheckCommand.class,
            ExplainCommand.class,
            TraceCommand.class,
            EpsilonCommand.class,
            SweepCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            CompletionCommand.class,
            WarmUpCommand.class,
            CommandLine.HelpCommand.class);

    @Mixin
    TuiCommand tui = new TuiCommand();

    @Override
    public Integer call() throws Exception {
        return tui.call();
    }

    public static void main(String[] args) {
        System.exit(run(args, StandardOutput.open(), new PrintWriter(System.err, true)));
    }

    /**
     * Runs a command line with the given streams and returns its exit code (tests call this). A
     * failed write to {@code out} (a full disk) is a failure: one line on {@code err}, exit 1; a pipe
     * closed by its reader ({@code | head}) ends it quietly with exit 141, as SIGPIPE would.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 0) {
            // The live view with its defaults, the usual start: picocli's model of the command line
            // (reflection over every option) would cost about 100 ms before the first frame.
            try {
                return new TuiCommand().call();
            } catch (Exception e) {
                return Errors.report(e, NAME, err);
            }
        }
        CommandLine cl = commandLine(out, err, args);
        int code = cl.execute(args);
        if (out.checkError()) {
            CommandLine.ParseResult parsed = cl.getParseResult();
            String where = parsed != null && parsed.hasSubcommand() ? parsed.subcommand().commandSpec().qualifiedName()
                    : NAME;
            String why = out instanceof StandardOutput s && s.failure() != null ? s.failure() : "the write failed";
            if (why.equals("broken pipe")) {
                // what reads it stopped reading (| head): said by the exit status alone, as a program
                // that dies of SIGPIPE says it (128 + 13), with no message to clutter the terminal
                return Errors.BROKEN_PIPE;
            }
            err.println(where + ": error: cannot write to standard output: " + why);
            err.flush();
            return code == Errors.USAGE ? Errors.USAGE : Errors.FAILURE;
        }
        return code;
    }

    /** The command line with every command modelled: the completion script and the man pages describe them all. */
    public static CommandLine wholeCommandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * The command line for {@code args}: when the first argument names a command (other than
     * help), only that command is modelled; otherwise all are (for help, errors and the TUI).
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        Class<?> only = COMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first))
                .findFirst().orElse(null);
        for (Class<?> c : COMMANDS) {
            if (only == null || c == only) {
                cl.addSubcommand(c);
            }
        }
        WholeNumbers.register(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Errors::usage);
        cl.setExecutionExceptionHandler(Errors::runtime);
        cl.setExecutionStrategy(Main::refuseOptionsBeforeTheCommand);
        String[] presets = presetsFooter();
        cl.getCommandSpec().usageMessage().footerHeading(PRESETS_HEADING).footer(presets);
        cl.getSubcommands().values().forEach(sub -> {
            if (sub.getCommandSpec().findOption("--preset") != null) {
                sub.getCommandSpec().usageMessage().footerHeading(PRESETS_HEADING).footer(presets);
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

    /** The heading of the help's last section, the presets (the man pages name that section "Presets"). */
    public static final String PRESETS_HEADING = "%nPresets (any option above overrides one setting):%n";

    /** The presets' settings, from the presets themselves, so the help never disagrees with them. */
    static String[] presetsFooter() {
        List<String> lines = new ArrayList<>();
        for (Preset p : Preset.values()) {
            Config c = p.defaults();
            // Plain concatenation, not String.format: this runs on every start, and Formatter is slow to load.
            String indent = "  " + " ".repeat(11);
            lines.add("  " + p.id() + " ".repeat(11 - p.id().length()) + "--hidden " + c.hidden() + " --activation "
                    + c.activation().id() + " --loss " + c.loss().id() + " --lr " + Numbers.setting(c.learningRate()));
            lines.add(indent + "--init-scheme " + c.initScheme().id() + " --seed " + c.seed());
            lines.add(indent + "--method " + c.method().id() + " --difference " + c.difference().id() + " --epsilon "
                    + Numbers.setting(c.epsilon()));
        }
        return lines.toArray(String[]::new);
    }
}
