package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/backprop-lab, called from elsewhere: it finds the jar, passes arguments and exit codes, and execs java. */
class LauncherIT {
    /** The project root: failsafe runs in it; the jar lies in its target/. */
    static final Path ROOT = Path.of(System.getProperty("backproplab.jar", "target/backprop-lab.jar"))
            .toAbsolutePath().getParent().getParent();
    static final Path LAUNCHER = ROOT.resolve("scripts/backprop-lab");

    @TempDir
    Path elsewhere;

    Process start(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(elsewhere.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(elsewhere.resolve("out").toFile()).redirectError(elsewhere.resolve("err").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return pb.start();
    }

    String read(String name) throws Exception {
        return Files.readString(elsewhere.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void runsFromAnyDirectory() throws Exception {
        Process p = start("--version");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(read("out")).startsWith("backprop-lab ");
    }

    @Test
    void forwardsArgumentsAndTheExitCode() throws Exception {
        Process p = start("train", "--lr", "-1");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(read("err")).isEqualTo("backprop-lab train: --lr must be a finite number > 0, got -1"
                + " (see 'backprop-lab train --help')\n");
    }

    /** The script ends in exec, so the process is java itself and a signal reaches it directly. */
    @Test
    void becomesJavaSoSignalsReachIt() throws Exception {
        Process p = start("sweep", "--seeds", "1000000", "--epochs", "1000000", "--threads", "1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!p.info().command().orElse("").endsWith("/java") && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(p.info().command().orElse("")).endsWith("/java");
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(143); // 128 + SIGTERM
    }
}
