package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backproplab.format.Numbers;
import org.backproplab.io.Json;
import org.backproplab.tui.TheJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar, stopped as a user stops it: Ctrl-C (SIGINT) or kill (SIGTERM) during a long
 * train keeps complete files and says so; a full disk behind standard output or a file is a failure.
 */
class TrainStopsCleanlyIT {
    private static final long A_BILLION = 1_000_000_000L;

    @TempDir
    Path dir;

    Process start(Path out, Path err, File stdout, String... args) throws IOException {
        String jar = TheJar.built();
        List<String> cmd = new ArrayList<>();
        if (sigintIgnored()) {
            // the jar would inherit the ignored SIGINT and rightly keep ignoring Ctrl-C (as under nohup):
            // give it the default disposition a user's terminal gives it
            cmd.addAll(List.of("python3", "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL);"
                    + " os.execv(sys.argv[1], sys.argv[1:])"));
        }
        cmd.addAll(List.of(TheJar.java(), "-jar", jar));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout != null ? stdout : out.toFile()).redirectError(err.toFile()).start();
    }

    /**
     * Whether this JVM started with SIGINT ignored, as everything a shell starts in the background
     * without job control does ({@code mvn verify &} in a script): the kernel's SigIgn mask, bit 2.
     */
    static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return false;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & (1L << (2 - 1))) != 0;
            }
        }
        return false;
    }

    /** Until the history file has its first rows on disk: training is under way, with the signals caught. */
    static void awaitRows(Path history, Process p) throws InterruptedException, IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(history) && Files.size(history) > 0)) {
            assertThat(p.isAlive()).as("still training").isTrue();
            assertThat(System.nanoTime()).as("the history file filled within 60 s").isLessThan(end);
            Thread.sleep(20);
        }
    }

    void stopsAtAnEpochWithCompleteFiles(String signal, int code, String said) throws Exception {
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = start(out, err, null, "train", "--epochs", Long.toString(A_BILLION), "--history", "h.csv",
                "--save", "s.json", "--format", "json");
        try {
            awaitRows(dir.resolve("h.csv"), p);
            if (signal.equals("TERM")) {
                p.destroy(); // SIGTERM
            } else {
                assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor()).isZero();
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        } finally {
            p.destroyForcibly(); // a billion epochs must not outlive a failed test
        }
        assertThat(p.exitValue()).isEqualTo(code);

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) Json.parse(Files.readString(out));
        long epochs = ((Double) result.get("epochs")).longValue();
        assertThat(epochs).isPositive().isLessThan(A_BILLION);
        assertThat(result).containsEntry("interrupted", true);

        @SuppressWarnings("unchecked")
        Map<String, Object> saved = (Map<String, Object>) Json.parse(Files.readString(dir.resolve("s.json")));
        assertThat(saved.get("epochs")).isEqualTo((double) epochs);
        assertThat(saved.get("parameters")).isEqualTo(result.get("parameters"));

        String csv = Files.readString(dir.resolve("h.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("epoch,loss\n0,").endsWith("\n");
        List<String> rows = csv.lines().toList();
        assertThat(rows).hasSize(1 + (int) epochs + 1); // the header, epochs 0..N-1, and the final loss at N
        assertThat(rows.get(rows.size() - 1)).isEqualTo(epochs + "," + result.get("loss"));

        String e = Files.readString(err);
        assertThat(e).hasLineCount(1).startsWith("backprop-lab train: interrupted by " + said + " at epoch "
                + Numbers.count(epochs) + " of 1,000,000,000").contains("wrote s.json").contains("h.csv");
    }

    @Test
    void ctrlCStopsAtAnEpochWithCompleteFiles() throws Exception {
        stopsAtAnEpochWithCompleteFiles("INT", 130, "Ctrl-C (SIGINT)");
    }

    @Test
    void termStopsAtAnEpochWithCompleteFiles() throws Exception {
        stopsAtAnEpochWithCompleteFiles("TERM", 143, "SIGTERM");
    }

    /** {@code train --epochs 10 > /dev/full} used to exit 0. */
    @Test
    void aFullDiskIsAFailureWhereverTheOutputGoes() throws Exception {
        File full = new File("/dev/full");
        assumeThat(full).exists();
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = start(out, err, full, "train", "--epochs", "10");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(Files.readString(err)).isEqualTo("backprop-lab train: error: cannot write to standard output:"
                + " no space left on device\n");
        for (String option : List.of("--save", "--history")) {
            Process q = start(out, err, null, "train", "--epochs", "10", option, "/dev/full");
            assertThat(q.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(q.exitValue()).as(option).isEqualTo(1);
            assertThat(Files.readString(err)).as(option).hasLineCount(1).contains("cannot write")
                    .contains("no space left on device").doesNotContain("Exception");
        }
    }
}
