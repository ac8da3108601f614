package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * train, gradcheck, sweep and explain print the same bytes as the program did before the engine
 * was rebuilt around one definition of its arithmetic and its fast paths (outputs recorded from
 * that program, commit bbdaf15, in {@code pinned/}): every double of both presets and of a few
 * other configurations, bit for bit (JSON writes each double so that it reads back exactly).
 * Only a sweep's time and thread count may differ.
 */
class PinnedOutputsTest {

    @Test
    void everyPinnedCommandPrintsWhatItPrintedBefore() throws IOException {
        List<String> commands = resource("commands.txt").lines().toList();
        assertThat(commands).hasSize(21);
        for (int i = 0; i < commands.size(); i++) {
            String command = commands.get(i);
            CliTest.Run r = CliTest.run(command.split(" "));
            assertThat(withoutTiming(r.out())).as(command).isEqualTo(withoutTiming(resource((i + 1) + ".json")));
        }
    }

    private static String withoutTiming(String json) {
        return json.replaceAll("\"(seconds|threads)\": [^,]*,", "");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PinnedOutputsTest.class.getResourceAsStream("pinned/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
