package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The built program the integration tests start: the jar failsafe names ({@code backproplab.jar},
 * target/backprop-lab.jar by default), run by this JVM's own java.
 */
public final class TheJar {
    private TheJar() {
    }

    /** The jar's absolute path (absolute: tests start it from other folders too). */
    public static String path() {
        return Path.of(System.getProperty("backproplab.jar", "target/backprop-lab.jar")).toAbsolutePath().toString();
    }

    /** The jar's absolute path, failing the test when it has not been built. */
    public static String built() {
        String jar = path();
        assertThat(Path.of(jar)).as("the jar (mvn package builds it)").exists();
        return jar;
    }

    /** This JVM's java. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** java -jar JAR ARGS, for a ProcessBuilder. */
    public static List<String> argv(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", built()));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
