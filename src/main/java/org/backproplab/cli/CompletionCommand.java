package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code backprop-lab completion bash|zsh}: the shell completion script, written by picocli from the
 * model of every command, so it completes what the program accepts: commands, options, and the
 * values of options that take a name from a list (--preset, --activation, --format, ...).
 */
@Command(name = "completion",
        header = "Print the shell completion script for bash or zsh.",
        description = {
            "Print the shell completion script for bash or zsh: TAB then completes the commands, the options"
                    + " and the values of options that take a name (--preset, --activation, --format, ...).",
            "bash: add  source <(backprop-lab completion bash)  to ~/.bashrc.",
            "zsh:  add  source <(backprop-lab completion zsh)  to ~/.zshrc, or save it as _backprop-lab in a"
                    + " folder of $fpath.",
            "The .deb package installs both for every user."})
public final class CompletionCommand implements Callable<Integer> {

    /** The shells the script is written for. */
    enum Shell {
        BASH, ZSH;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final class ShellConverter extends ConfigOptions.IdConverter<Shell> {
        ShellConverter() {
            super(Shell.values(), Shell::id);
        }
    }

    @Parameters(paramLabel = "SHELL", converter = ShellConverter.class, completionCandidates = ShellConverter.class,
            description = "The shell: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(script(shell, out, spec.commandLine().getErr()));
        out.flush();
        return 0;
    }

    /**
     * The script for {@code shell}. picocli writes one script for both shells (zsh runs it through
     * its bash-completion emulation). For zsh it starts with a {@code #compdef} line, so that it also
     * works saved as {@code _backprop-lab} in a folder of $fpath: zsh then runs the file as the body of
     * a function at the first TAB, where the script's {@code alias compopt=complete} would come too
     * late for the functions parsed with it (and completion turns aliases off); so that body turns
     * them on and sources the file instead (the functions are defined, and registered for later
     * TABs), and answers the first TAB itself.
     */
    static String script(Shell shell, PrintWriter out, PrintWriter err) {
        CommandLine model = Main.wholeCommandLine(out, err);
        labelByName(model);
        String bash = AutoComplete.bash(Main.NAME, model);
        if (shell == Shell.BASH) {
            return bash;
        }
        String function = "_" + Main.NAME;
        return "#compdef " + Main.NAME + "\n"
                + "if [[ $funcstack[1] == " + function + " ]]; then # autoloaded from $fpath, at the first TAB\n"
                + "  setopt local_options aliases # off while completing; the script's functions need its alias\n"
                + "  source \"${functions_source[" + function + "]}\"\n"
                + "  _bash_complete -F _complete_" + Main.NAME + " -o default\n"
                + "  return\n"
                + "fi\n"
                + bash;
    }

    /**
     * picocli names the script's list of values after the option's label, so options that share a
     * label (--preset NAME, --loss NAME, ...) would all complete the last one's values (picocli
     * issue 2501). In the model the script is written from, each option with values to complete is
     * labelled by its own name instead (--init-scheme: INIT_SCHEME); the help keeps its labels.
     */
    private static void labelByName(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        List<OptionSpec> options = new ArrayList<>(spec.options());
        options.forEach(spec::remove);
        for (OptionSpec o : options) {
            boolean hasValues = o.completionCandidates() != null && o.arity().max() > 0;
            spec.addOption(hasValues
                    ? OptionSpec.builder(o).paramLabel(o.longestName().replaceFirst("^-+", "").replace('-', '_')
                            .toUpperCase(Locale.ROOT)).build()
                    : o);
        }
        cl.getSubcommands().values().forEach(CompletionCommand::labelByName);
    }
}
