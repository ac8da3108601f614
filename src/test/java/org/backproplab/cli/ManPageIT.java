package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.tui.TheJar;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man pages the build made (target/man), rendered by {@code man -l} as a reader sees them: one
 * page per command, each saying what that command's --help says (read from the picocli model the
 * help is printed from: every option with its description), the main page listing the commands,
 * and each page naming the others under SEE ALSO.
 */
class ManPageIT {
    private static final Path PAGES = Path.of(TheJar.path()).getParent().resolve("man");

    /** The page as man shows it, in one long line per paragraph, spaces collapsed. */
    static String render(String page) throws Exception {
        File file = PAGES.resolve(page + ".1").toFile();
        assertThat(file).as("the man page " + page + ".1").exists();
        ProcessBuilder pb = new ProcessBuilder("man", "-l", file.getPath()).redirectErrorStream(true);
        pb.environment().put("MANWIDTH", "1000"); // no line breaks, so no words hyphenated across them
        pb.environment().put("MANPAGER", "cat");
        pb.environment().put("LANG", "C.UTF-8");
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("man -l " + page + ": " + text).isZero();
        return normalise(text);
    }

    /** Spaces collapsed; AsciiDoc's typographic apostrophe read as the help's plain one. */
    static String normalise(String s) {
        return s.replace("%n", "\n").replace("%%", "%") // the help's format escapes, in the model's text
                .replace('’', '\'').replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n");
    }

    static List<CommandSpec> commands() {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
        CommandLine root = Main.wholeCommandLine(nowhere, nowhere);
        List<CommandSpec> all = new ArrayList<>(List.of(root.getCommandSpec()));
        root.getSubcommands().values().stream().map(CommandLine::getCommandSpec)
                .filter(s -> !s.usageMessage().hidden()).forEach(all::add);
        return all;
    }

    @Test
    void everyCommandHasAPageThatSaysWhatItsHelpSays() throws Exception {
        List<CommandSpec> commands = commands();
        assertThat(commands).extracting(CommandSpec::name).contains("train", "gradcheck", "completion")
                .doesNotContain("warm-up");
        for (CommandSpec c : commands) {
            String page = c.qualifiedName("-");
            String text = render(page);
            String name = c.usageMessage().header().length > 0 ? c.usageMessage().header()[0] : c.usageMessage().description()[0];
            assertThat(text).as(page).contains("NAME\n" + page + " - " + normalise(name).strip());
            for (String paragraph : c.usageMessage().description()) {
                assertThat(text).as(page + ": its description").contains(normalise(paragraph).strip());
            }
            for (OptionSpec o : c.options()) {
                if (o.hidden()) continue;
                assertThat(text).as(page + ": " + o.longestName()).contains("\n" + String.join(", ", o.names()));
                for (String d : o.description()) {
                    assertThat(text).as(page + ": the description of " + o.longestName()).contains(normalise(d).strip());
                }
            }
            for (CommandSpec other : commands) {
                if (other != c) assertThat(text).as(page + ": see also").contains(other.qualifiedName("-") + "(1)");
            }
            // AsciiDoc's typography must not change what the help says ("<= 0.1" is not "⇐ 0.1")
            assertThat(text).as(page).doesNotContain("⇐").doesNotContain("⇒").doesNotContain("→");
        }
    }

    @Test
    void theMainPageListsTheCommandsAndThePresets() throws Exception {
        String text = render("backprop-lab");
        assertThat(text).startsWith("BACKPROP-LAB(1) Backprop Lab Manual BACKPROP-LAB(1)");
        assertThat(text).contains("COMMANDS\ntui\n", "\ntrain\nTrain the network and print the loss, parameters and predictions.",
                "\ngradcheck\n", "\nexplain\n", "\nsweep\n", "\nbench\n", "\nserve\n", "\ncompletion\n");
        // the presets' settings, as docs/commands.md's table gives them
        assertThat(text).contains("PRESETS\n", "textbook --hidden 2 --activation sigmoid --loss mse --lr 2",
                "reference --hidden 2 --activation relu --loss bce --lr 0.03", "--init-scheme numpy-randn --seed 0");
        // the pages say "<=" as --help types it (AsciiDoc would make it an arrow)
        assertThat(render("backprop-lab-gradcheck")).contains("Nudge for the numeric gradient, > 0 and <= 0.1.")
                .contains("expected when they differ by no more than 4x the predicted error");
    }
}
