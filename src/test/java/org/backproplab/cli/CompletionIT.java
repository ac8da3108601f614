package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.backproplab.tui.TheJar;
import org.backproplab.tui.Tmux;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion scripts the real jar prints, in interactive shells in tmux: a TAB there completes
 * as it does for a user, in bash, and in zsh both ways the help suggests (sourced from ~/.zshrc, or
 * saved as _backprop-lab in a folder of $fpath).
 */
class CompletionIT {

    @TempDir
    Path dir;

    @BeforeEach
    void tmux() {
        Tmux.assumeInstalled();
    }

    /** {@code backprop-lab completion SHELL}, printed by the real jar into a file. */
    private Path script(String shell, Path file) throws Exception {
        String jar = TheJar.built();
        Files.createDirectories(file.getParent());
        Process p = new ProcessBuilder(TheJar.java(), "-jar", jar,
                "completion", shell).redirectOutput(file.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).redirectInput(new File("/dev/null")).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return file;
    }

    /**
     * Types {@code line}, a TAB and a mark, and waits for the completed line: a word completed in full
     * is followed by a space, which a mark typed after it shows (the screen's trailing spaces are trimmed).
     */
    private static void tab(Tmux t, String line, String completed) throws Exception {
        t.keys("-l", line);
        t.keys("Tab");
        t.keys("-l", "Q");
        t.await("'" + line + "' + TAB gives '" + completed + "'", 20, s -> s.contains(completed + "Q"));
        t.keys("C-u");
        t.await("the line cleared", 20, s -> !s.contains(completed + "Q"));
    }

    @Test
    void bashCompletesAtATab() throws Exception {
        Path rc = dir.resolve("bashrc");
        Files.writeString(rc, "PS1='blab> '\nsource '" + script("bash", dir.resolve("c.bash")) + "'\n");
        try (Tmux t = new Tmux().start(100, 20, "bash --noprofile --rcfile '" + rc + "' -i")) {
            t.await("the prompt", 20, s -> s.startsWith("blab>"));
            tab(t, "backprop-lab train --preset r", "backprop-lab train --preset reference ");
            tab(t, "backprop-lab gradc", "backprop-lab gradcheck ");
        }
    }

    @Test
    void zshCompletesSourcedAndFromFpath() throws Exception {
        assumeTrue(new File("/usr/bin/zsh").canExecute() || new File("/bin/zsh").canExecute(), "zsh is not installed");
        Path sourced = dir.resolve("sourced");
        Files.createDirectories(sourced);
        Files.writeString(sourced.resolve(".zshrc"), "PS1='blab> '\nautoload -U compinit && compinit -u\nsource '"
                + script("zsh", dir.resolve("c.zsh")) + "'\n");
        Path fpath = dir.resolve("fpath");
        Files.createDirectories(fpath);
        Path functions = script("zsh", dir.resolve("functions/_backprop-lab")).getParent();
        Files.writeString(fpath.resolve(".zshrc"), "PS1='blab> '\nfpath=('" + functions
                + "' $fpath)\nautoload -U compinit && compinit -u\n");
        for (Path zdotdir : new Path[] {sourced, fpath}) {
            try (Tmux t = new Tmux().start(100, 20, "ZDOTDIR='" + zdotdir + "' zsh -i")) {
                t.await("the prompt", 20, s -> s.startsWith("blab>"));
                tab(t, "backprop-lab train --dataset xn", "backprop-lab train --dataset xnor ");
                tab(t, "backprop-lab expl", "backprop-lab explain ");
                tab(t, "backprop-lab explain --param w_h2", "backprop-lab explain --param w_h2_y ");
                assertThat(t.screen()).as(zdotdir.getFileName() + ": no errors from the script")
                        .doesNotContain("not found").doesNotContain("error");
            }
        }
    }
}
