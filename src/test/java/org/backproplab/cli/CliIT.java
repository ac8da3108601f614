package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backproplab.io.Json;
import org.backproplab.tui.TheJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar, started as a user would: java -jar backprop-lab.jar ... */
class CliIT {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run jar(String... args) throws IOException, InterruptedException {
        List<String> cmd = TheJar.argv(args);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished within 60 s").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * A reader that stops reading ({@code | head}) ends the command quietly, with the status a
     * program ended by SIGPIPE has (141), not an error message in the terminal. The pipe's reading
     * end is closed before the JVM has started, so the first write finds no reader.
     */
    @Test
    void aClosedPipeEndsTheCommandQuietly() throws Exception {
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(TheJar.argv("trace")).redirectError(err.toFile()).start();
        p.getInputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished within 60 s").isTrue();
        assertThat(p.exitValue()).isEqualTo(141);
        assertThat(Files.readString(err)).isEmpty();
    }

    @Test
    void help() throws Exception {
        Run r = jar("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: backprop-lab", "train", "gradcheck", "sweep", "bench");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void trainJson() throws Exception {
        Run r = jar("train", "--preset", "reference", "--seed", "1", "--epochs", "3", "--format", "json");
        assertThat(r.code()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> j = (Map<String, Object>) Json.parse(r.out());
        // python3 scripts/reference.py 1 3 1 (numpy)
        assertThat((Double) j.get("loss")).isCloseTo(1.4151978266929865, org.assertj.core.api.Assertions.within(1e-13));
        assertThat((List<?>) j.get("parameters")).hasSize(9);
        assertThat((List<?>) j.get("predictions")).hasSize(4);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Run r = jar("train", "--lr", "-1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("backprop-lab train: --lr must be a finite number > 0, got -1"
                + " (see 'backprop-lab train --help')\n");
    }

    @Test
    void badInitFileIsOneLineAndExitTwo() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"parameters\": [");
        Run r = jar("gradcheck", "--init", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("malformed JSON at line 1, column 17").doesNotContain("Exception")
                .hasLineCount(1);
    }
}
