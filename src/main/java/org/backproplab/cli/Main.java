package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
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
        return cl;
    }
}
