package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backprop-lab completion bash|zsh}: the script, loaded in a real bash, completes commands,
 * options and option values. Each case sets COMP_WORDS and COMP_CWORD as bash does at a TAB and
 * calls the function the script registered; the expected words are docs/commands.md's lists.
 */
class CompletionTest {

    @TempDir
    Path dir;

    static CliTest.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    /** What a TAB after each command line (the last word is the one being completed) offers. */
    private Map<String, String> complete(String shellScript, List<String> lines) throws Exception {
        Path script = dir.resolve("completion.bash");
        Files.writeString(script, shellScript, StandardCharsets.UTF_8);
        StringBuilder driver = new StringBuilder("source '" + script + "' || exit 9\n")
                .append("complete -p backprop-lab >/dev/null || exit 8\n")
                .append("tab() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\";"
                        + " COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _complete_backprop-lab;"
                        + " echo \"${COMPREPLY[*]}\"; }\n");
        for (String line : lines) {
            // the words as bash splits them; a trailing space means an empty word being completed
            StringBuilder words = new StringBuilder();
            for (String w : line.split(" ", -1)) words.append(" '").append(w).append("'");
            driver.append("tab").append(words).append('\n');
        }
        Path driverFile = dir.resolve("driver.bash");
        Files.writeString(driverFile, driver.toString(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", driverFile.toString())
                .redirectError(dir.resolve("err").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err"));
        assertThat(p.exitValue()).as("bash: " + err).isZero();
        // compopt only works inside a real TAB; called directly the script's calls of it say so, harmlessly
        assertThat(err.lines().filter(l -> !l.contains("compopt: not currently executing completion function")))
                .as("bash's complaints about the script").isEmpty();
        List<String> answers = out.lines().toList();
        assertThat(answers).hasSize(lines.size());
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) m.put(lines.get(i), answers.get(i));
        return m;
    }

    @Test
    void bashCompletesCommandsOptionsAndTheValuesOfEveryListOption() throws Exception {
        CliTest.Run r = run("completion", "bash");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        Map<String, String> tab = complete(r.out(), List.of(
                "backprop-lab ",
                "backprop-lab gr",
                "backprop-lab train --pre",
                "backprop-lab train --preset ",
                "backprop-lab train --preset r",
                "backprop-lab --activation ",
                "backprop-lab train --loss ",
                "backprop-lab gradcheck --dataset ",
                "backprop-lab sweep --dataset n",
                "backprop-lab bench --init-scheme ",
                "backprop-lab train --method ",
                "backprop-lab gradcheck --difference ",
                "backprop-lab train --format ",
                "backprop-lab sweep --format ",
                "backprop-lab explain --param ",
                "backprop-lab serve --preset ",
                "backprop-lab completion ",
                "backprop-lab help tr"));
        assertThat(tab).containsExactly(
                Map.entry("backprop-lab ", "tui train gradcheck explain trace epsilon sweep bench serve completion help"),
                Map.entry("backprop-lab gr", "gradcheck"),
                Map.entry("backprop-lab train --pre", "--preset"),
                Map.entry("backprop-lab train --preset ", "textbook reference"),
                Map.entry("backprop-lab train --preset r", "reference"),
                Map.entry("backprop-lab --activation ", "sigmoid tanh relu"),
                Map.entry("backprop-lab train --loss ", "mse bce"),
                Map.entry("backprop-lab gradcheck --dataset ", "xor and or nand nor xnor"),
                Map.entry("backprop-lab sweep --dataset n", "nand nor"),
                Map.entry("backprop-lab bench --init-scheme ", "uniform01 uniform numpy-randn"),
                Map.entry("backprop-lab train --method ", "chain numeric"),
                Map.entry("backprop-lab gradcheck --difference ", "forward central"),
                Map.entry("backprop-lab train --format ", "table json csv"),
                Map.entry("backprop-lab sweep --format ", "table json"),
                Map.entry("backprop-lab explain --param ", "w_x1_h1 w_x1_h2 w_x2_h1 w_x2_h2 b_h1 b_h2 w_h1_y w_h2_y b_y"),
                Map.entry("backprop-lab serve --preset ", "textbook reference"),
                Map.entry("backprop-lab completion ", "bash zsh"),
                Map.entry("backprop-lab help tr", "train trace"));
    }

    @Test
    void fileOptionsCompleteFileNamesAndTheHiddenCommandIsNotOffered() throws Exception {
        Files.writeString(dir.resolve("run.json"), "{}");
        CliTest.Run r = run("completion", "bash");
        Map<String, String> tab = complete(r.out(), List.of(
                "backprop-lab train --init " + dir + "/ru",
                "backprop-lab w"));
        assertThat(tab.get("backprop-lab train --init " + dir + "/ru")).isEqualTo(dir + "/run.json");
        assertThat(tab.get("backprop-lab w")).isEmpty(); // warm-up is for the launcher only
    }

    /** The zsh script is the same completion, with the line zsh's autoloader needs first; it loads in bash too. */
    @Test
    void zshScriptStartsWithCompdefAndCompletesTheSame() throws Exception {
        CliTest.Run r = run("completion", "zsh");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("#compdef backprop-lab\n");
        Map<String, String> tab = complete(r.out(), List.of("backprop-lab train --dataset x"));
        assertThat(tab.get("backprop-lab train --dataset x")).isEqualTo("xor xnor");
    }

    @Test
    void anUnknownOrMissingShellIsOneLineAndExit2() {
        CliTest.Run fish = run("completion", "fish");
        assertThat(fish.code()).isEqualTo(2);
        assertThat(fish.out()).isEmpty();
        assertThat(fish.err()).startsWith("backprop-lab completion: ").contains("'fish' is not one of bash, zsh")
                .hasLineCount(1);
        CliTest.Run none = run("completion");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("SHELL").hasLineCount(1);
    }
}
