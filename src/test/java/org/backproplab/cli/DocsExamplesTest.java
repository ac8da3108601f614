package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backproplab.cli.CliTest.Run;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example in the README and docs/ that shows a command and what it prints is run again and
 * must print exactly that: a reader who types it sees the same lines. Examples that time
 * something (bench, sweep's time line) or read and write files of their own are left out; the
 * rest are deterministic, down to the last digit.
 */
class DocsExamplesTest {
    private static final String PROMPT = "$ scripts/backprop-lab ";
    private static final Pattern SKIP = Pattern.compile("[<>|]|--save|--init|--history|^bench\\b");

    record Example(String file, int line, String command, List<String> output) {
    }

    @TestFactory
    Stream<DynamicTest> examplesPrintWhatTheDocsShow() throws IOException {
        List<Example> examples = new ArrayList<>();
        examples.addAll(examples(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            for (Path p : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                examples.addAll(examples(p));
            }
        }
        assertThat(examples).as("examples found in the docs").hasSizeGreaterThanOrEqualTo(5);
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.file() + ":" + e.line() + " " + e.command(), () -> {
            Run r = CliTest.run(e.command().split(" +"));
            List<String> shown = new ArrayList<>(r.out().lines().toList());
            shown.addAll(r.err().lines().toList());
            assertThat(withoutTimes(shown)).as("what `%s` prints", e.command()).isEqualTo(withoutTimes(e.output()));
        }));
    }

    /** sweep ends with how long it took: a line that differs run to run. */
    private static List<String> withoutTimes(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("time ")).toList();
    }

    /** The commands in the file's code blocks, each with the lines up to the next command or the block's end. */
    static List<Example> examples(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Example> found = new ArrayList<>();
        boolean inBlock = false;
        Example current = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```")) {
                inBlock = !inBlock;
                current = finish(found, current);
                continue;
            }
            if (!inBlock) continue;
            if (l.startsWith("$ ")) {
                current = finish(found, current);
                String command = l.startsWith(PROMPT) ? l.substring(PROMPT.length()).trim() : null;
                if (command != null && !SKIP.matcher(command).find()) {
                    current = new Example(file.toString(), i + 1, command, new ArrayList<>());
                }
            } else if (current != null) {
                current.output().add(l);
            }
        }
        return found;
    }

    private static Example finish(List<Example> found, Example e) {
        if (e != null) found.add(e);
        return null;
    }
}
