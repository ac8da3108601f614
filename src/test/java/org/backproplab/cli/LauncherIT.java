package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.tui.TheJar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/backprop-lab, called from elsewhere: it finds the jar, passes arguments and exit codes,
 * and execs java. It runs in a copy of the project's layout (launcher, jar, and sources older than
 * the jar), so that it never rebuilds the real jar under the other integration tests.
 */
class LauncherIT {
    static Path launcher;

    @TempDir
    static Path project;

    @TempDir
    Path elsewhere;

    @BeforeAll
    static void copyOfTheProject() throws Exception {
        Path jar = Path.of(TheJar.path());
        Path root = jar.getParent().getParent();
        Files.createDirectories(project.resolve("scripts"));
        Files.createDirectories(project.resolve("target"));
        Files.createDirectories(project.resolve("src/main"));
        launcher = Files.copy(root.resolve("scripts/backprop-lab"), project.resolve("scripts/backprop-lab"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(project.resolve("pom.xml"), old);
        Files.setLastModifiedTime(project.resolve("src/main"), old);
        Files.setLastModifiedTime(project.resolve("src"), old);
        Files.copy(jar, project.resolve("target/backprop-lab.jar"));
    }

    Process start(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(launcher.toString()));
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
    void runsFromAnyDirectoryWithoutRebuildingAFreshJar() throws Exception {
        Process p = start("--version");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(read("out")).startsWith("backprop-lab ");
        assertThat(read("err")).isEmpty();
        // The class-data archive is recorded once, beside the jar.
        assertThat(project.resolve("target/backprop-lab.jsa")).exists();
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
    /**
     * The packages ship this launcher as bin/backprop-lab beside lib/app (the jar) and lib/runtime
     * (their Java): there it runs their Java, never one on the PATH, builds nothing, and records its
     * class-data archive beside the jar; moved elsewhere, it records it again for the new path
     * rather than hand the JVM an archive of the old one (whose warning would land in the output).
     */
    @Test
    void inAPackageItRunsThePackagesJavaAndFollowsAMove(@TempDir Path dir) throws Exception {
        Path pkg = dir.resolve("backprop-lab");
        Files.createDirectories(pkg.resolve("bin"));
        Files.createDirectories(pkg.resolve("lib/app"));
        Files.createDirectories(pkg.resolve("lib/runtime/bin"));
        Files.copy(launcher, pkg.resolve("bin/backprop-lab"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(project.resolve("target/backprop-lab.jar"), pkg.resolve("lib/app/backprop-lab.jar"));
        Path runtimeJava = Files.writeString(pkg.resolve("lib/runtime/bin/java"),
                "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        runtimeJava.toFile().setExecutable(true);
        // a java and an mvn on the PATH that fail loudly: the package must use neither
        Path decoys = Files.createDirectories(dir.resolve("decoys"));
        for (String tool : new String[] {"java", "mvn"}) {
            Path f = Files.writeString(decoys.resolve(tool), "#!/bin/sh\necho \"the PATH's " + tool + "\" >&2\nexit 97\n");
            f.toFile().setExecutable(true);
        }

        assertThat(runPackage(pkg.resolve("bin/backprop-lab"), decoys, "train", "--epochs", "3", "--format", "csv"))
                .startsWith("epochs,loss,");
        assertThat(Files.readString(pkg.resolve("lib/app/backprop-lab.jsa.path")).strip())
                .isEqualTo(pkg.toRealPath().resolve("lib/app/backprop-lab.jar").toString());

        Path moved = dir.resolve("moved");
        Files.move(pkg, moved);
        assertThat(runPackage(moved.resolve("bin/backprop-lab"), decoys, "train", "--epochs", "3", "--format", "csv"))
                .startsWith("epochs,loss,");
        assertThat(Files.readString(moved.resolve("lib/app/backprop-lab.jsa.path")).strip())
                .isEqualTo(moved.toRealPath().resolve("lib/app/backprop-lab.jar").toString());
    }

    /** Runs a package's launcher with {@code decoys} first on the PATH; returns its output, after checking it ran clean. */
    private String runPackage(Path exe, Path decoys, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(exe.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(elsewhere.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(elsewhere.resolve("out").toFile()).redirectError(elsewhere.resolve("err").toFile());
        pb.environment().put("PATH", decoys + ":/usr/bin:/bin");
        pb.environment().remove("JAVA_HOME");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(read("err")).isEmpty();
        assertThat(p.exitValue()).isZero();
        return read("out");
    }
}
