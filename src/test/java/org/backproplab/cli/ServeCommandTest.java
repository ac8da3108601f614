package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a case that wrongly starts a server fails, not hangs
class ServeCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String err) {
    }

    private Result serve(String... args) {
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 3];
        all[0] = "serve";
        all[1] = "--host-key";
        all[2] = dir.resolve("host-key").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        int code = Main.run(all, new PrintWriter(new StringWriter()), new PrintWriter(err));
        return new Result(code, err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--open --bind 0.0.0.0         | --open (no sign-in) is allowed only on a loopback address such as 127.0.0.1, not 0.0.0.0",
        "--open --class-code abc       | --open means no sign-in: drop --class-code, --class-code-file, --authorized-keys and BACKPROP_LAB_CLASS_CODE",
        "--port 0                      | --port must be 1..65535, got 0",
        "--port 65536                  | --port must be 1..65535, got 65536",
        "--max-sessions 0              | --max-sessions must be at least 1, got 0",
        "--max-per-address 0           | --max-per-address must be at least 1, got 0",
        "--idle-timeout soon           | 'soon' is not a time such as 90s, 30m or 2h",
        "--idle-timeout 0m             | '0m' is not a time such as 90s, 30m or 2h",
        "--authorized-keys no-such-file | --authorized-keys: cannot read no-such-file",
        "--seed -1                     | --seed must be 0..4294967295, got -1",
        "--code-length 5               | --code-length must be 6..64, got 5",
        "--max-signing-in 0            | --max-signing-in must be at least 1, got 0",
        "--sign-in-time never          | 'never' is not a time such as 90s, 30m or 2h",
        "--class-code a --class-code-file f | --class-code and --class-code-file: give one of them",
        "--class-code-file no-such-file | --class-code-file: cannot read no-such-file",
        "--proxy-protocol-from 10.0.0.0/33 | --proxy-protocol-from: '10.0.0.0/33': the prefix length must be 0..32",
        "--proxy-protocol-from lb/8    | --proxy-protocol-from: 'lb/8' is not a range: a range is a numeric address and a prefix length, such as 10.0.0.0/24",
        "--proxy-protocol-from 127.0.0.1,,10.0.0.1 | --proxy-protocol-from: an empty address",
        "--open --proxy-protocol-from 127.0.0.1 | --open (no sign-in) and --proxy-protocol-from: a balancer brings learners from other machines, and --open is for this machine alone",
    })
    void badOptionsAreOneLineAndExit2(String args, String message) {
        Result r = serve(args.strip().split("\\s+"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("\tat ").hasLineCount(1);
        assertThat(Files.exists(dir.resolve("host-key"))).as("nothing made for a bad command line").isFalse();
    }

    @Test
    void aBlankClassCodeIsRefused() {
        Result r = serve("--class-code", " ");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--class-code must not be empty").hasLineCount(1);
    }

    @Test
    void aPortInUseIsARuntimeFailureWithExit1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = serve("--open", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).startsWith("backprop-lab serve: error: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasLineCount(1);
        }
    }

    @Test
    void timesReadWithTheirUnitAndBareNumbersAreMinutes() {
        ServeCommand.DurationConverter c = new ServeCommand.DurationConverter();
        assertThat(c.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.convert("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(c.convert("45")).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void anEmptyCodeFileIsRefused() throws Exception {
        java.nio.file.Path f = dir.resolve("code");
        Files.writeString(f, "  \nsecond line\n");
        Result r = serve("--class-code-file", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--class-code-file: the first line of " + f + " is empty").hasLineCount(1);
    }

    /** serve --help, its white space folded to single spaces. */
    private static String help() {
        StringWriter out = new StringWriter();
        assertThat(Main.run(new String[] {"serve", "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter())))
                .isZero();
        return out.toString().replaceAll("\\s+", " ");
    }

    @Test
    void theHelpSaysHowToKeepTheClassCodeOutOfPs() {
        assertThat(help()).contains("Every user of this machine can read it in 'ps' while the server runs:"
                + " --class-code-file or the BACKPROP_LAB_CLASS_CODE environment variable keep it out of sight.")
                .contains("--class-code-file=FILE Read the class code from the first line of FILE (not shown in 'ps').");
    }

    @Test
    void theHelpSaysWhatThePROXYProtocolOptionDoes() {
        assertThat(help()).contains("--proxy-protocol-from=ADDR[,ADDR...] Behind a balancer such as HAProxy: read the PROXY"
                + " protocol header (v1 or v2)")
                .contains("one from anywhere else is served directly, and closed if it sends a header (never believed).");
    }

    @Test
    void aHostKeyFileThatCannotBeReadIsOneLineAndExit1AndIsKept() throws Exception {
        Path key = dir.resolve("host-key");
        Files.writeString(key, "-----BEGIN OPENSSH PRIVATE KEY-----\ncut short\n");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Result r = serve("--open", "--port", String.valueOf(port));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("backprop-lab serve: error: cannot use the host key " + key + ": ")
                .doesNotContain("\tat ").hasLineCount(1);
        assertThat(Files.readString(key)).isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----\ncut short\n");
    }
}
