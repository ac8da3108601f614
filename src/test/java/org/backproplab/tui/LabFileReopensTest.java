package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backproplab.cli.Main;
import org.backproplab.io.Json;
import org.backproplab.nn.Activation;
import org.backproplab.train.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the lab's w key writes opens again with --init as it was: H, activation and the rest with the parameters. */
class LabFileReopensTest extends LabHarness {
    @TempDir
    Path dir;

    @Test
    void aFileSavedAtThreeHiddenUnitsReopensWithItsSettings() throws Exception {
        start(LabOptions.defaults().withSaveDirectory(dir));
        await("first frame", () -> screen().contains("epoch 0"));
        key('u');
        await("three hidden units", () -> trainer.snapshot().config().hidden() == 3);
        key('i');
        await("tanh", () -> trainer.snapshot().config().activation() == Activation.TANH);
        key('n');
        key('n');
        await("epoch 2", () -> trainer.snapshot().epoch() == 2);
        Snapshot at = trainer.snapshot();
        key('w');
        Path file = dir.resolve("backprop-lab-params-2.json");
        await("written", () -> Files.exists(file) && screen().contains("backprop-lab-params-2.json"));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"train", "--epochs", "0", "--init", file.toString(), "--format", "json"},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(out.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) json.get("config");
        assertThat(config).containsEntry("hidden", 3.0).containsEntry("activation", "tanh")
                .containsEntry("preset", "textbook").containsEntry("initEpochs", 2.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> params = (List<Map<String, Object>>) json.get("parameters");
        assertThat(params.stream().mapToDouble(p -> (Double) p.get("value")).toArray()).containsExactly(at.parameters());
    }
    /**
     * A file saved with w from a lab started with --init counts every epoch its parameters had:
     * those of the file it started from (1,000 here) and the lab's own 3, as train --save does;
     * it said "saved after 3 epochs".
     */
    @Test
    void aFileSavedFromASavedStartCountsEveryEpoch() throws Exception {
        Path first = dir.resolve("a.json");
        assertThat(Main.run(new String[] {"train", "--epochs", "1000", "--save", first.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isZero();
        double[] theta = org.backproplab.io.ParametersFile.read(first,
                org.backproplab.train.Preset.TEXTBOOK.defaults().architecture());
        start(LabOptions.defaults().withSaveDirectory(dir)
                        .withSavedStart(new org.backproplab.io.ParametersFile.Origin("a.json", 1000L)),
                10_000_000L, org.backproplab.train.Preset.TEXTBOOK.defaults().withInit(theta));
        await("first frame", () -> screen().contains("epoch 0"));
        key('n');
        key('n');
        key('n');
        await("epoch 3", () -> trainer.snapshot().epoch() == 3);
        key('w');
        Path file = dir.resolve("backprop-lab-params-3.json");
        await("written", () -> Files.exists(file) && screen().contains("backprop-lab-params-3.json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> saved = (Map<String, Object>) ((Map<String, Object>) Json.parse(Files.readString(file)))
                .get("config");
        assertThat(saved).containsEntry("initFile", "a.json").containsEntry("initEpochs", 1000.0);

        StringWriter out = new StringWriter();
        assertThat(Main.run(new String[] {"train", "--epochs", "0", "--init", file.toString()}, new PrintWriter(out),
                new PrintWriter(new StringWriter()))).isZero();
        assertThat(out.toString()).contains("start     parameters from " + file + ", saved after 1,003 epochs");
    }
}
