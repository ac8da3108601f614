package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatekeeperTest {
    private static final long SECOND = 1_000_000_000L;
    private final long[] now = {0};
    private final InetAddress alice = InetAddress.getLoopbackAddress();
    private final InetAddress bob;

    GatekeeperTest() throws Exception {
        bob = InetAddress.getByName("10.0.0.7");
    }

    private Gatekeeper gate(SignIn s) {
        return new Gatekeeper(s, () -> now[0]);
    }

    @Test
    void theRightCodeSignsInForgivingCaseAndSpaces() {
        Gatekeeper g = gate(new SignIn("k7m2qz", null, false));
        assertThat(g.checkCode("k7m2qz", alice)).isTrue();
        assertThat(g.checkCode("  K7M2QZ ", alice)).isTrue();
        assertThat(g.failures()).isZero();
    }

    @Test
    void aMissIsCountedAndTheAddressMustWaitLongerAfterEachMiss() {
        Gatekeeper g = gate(new SignIn("k7m2qz", null, false));
        assertThat(g.checkCode("guess", alice)).isFalse();          // miss 1 at t=0: wait 1 s
        now[0] = SECOND / 2;
        assertThat(g.checkCode("k7m2qz", alice)).as("too soon, even when right").isFalse();
        assertThat(g.checkCode("k7m2qz", bob)).as("another address is not held up").isTrue();
        now[0] = SECOND;
        assertThat(g.checkCode("guess", alice)).isFalse();          // miss 2 at t=1: wait 2 s
        now[0] = 2 * SECOND + SECOND / 2;
        assertThat(g.checkCode("k7m2qz", alice)).isFalse();        // t=2.5 < 3
        now[0] = 3 * SECOND;
        assertThat(g.checkCode("k7m2qz", alice)).isTrue();
        assertThat(g.failures()).isEqualTo(4);
    }

    @Test
    void theWaitStopsGrowingAtThirtySeconds() {
        Gatekeeper g = gate(new SignIn("k7m2qz", null, false));
        for (int i = 0; i < 10; i++) {
            assertThat(g.checkCode("guess", alice)).isFalse();
            now[0] += 60 * SECOND;
        }
        now[0] += 0; // 60 s after the 10th miss
        g.checkCode("guess", alice);
        now[0] += 30 * SECOND - 1;
        assertThat(g.checkCode("k7m2qz", alice)).isFalse();
        now[0] += 1;
        assertThat(g.checkCode("k7m2qz", alice)).isTrue();
    }

    @Test
    void withoutAClassCodeNoCodeSignsIn() {
        Gatekeeper g = gate(new SignIn(null, java.nio.file.Path.of("keys"), false));
        assertThat(g.checkCode("", alice)).isFalse();
        assertThat(g.authenticate("ada", "anything", null)).isFalse();
    }

    @Test
    void theClassCodePromptAsksOnceAndOpenAsksNothing() throws Exception {
        Gatekeeper coded = gate(new SignIn("k7m2qz", null, false));
        assertThat(coded.generateChallenge(null, "ada", "", "").getPrompts())
                .extracting(p -> p.getPrompt()).containsExactly("Class code: ");
        assertThat(coded.authenticate(null, "ada", List.of("k7m2qz"))).isTrue();
        assertThat(coded.authenticate(null, "ada", List.of())).isFalse();

        Gatekeeper open = gate(SignIn.openDoor());
        assertThat(open.generateChallenge(null, "ada", "", "").getPrompts()).isEmpty();
        assertThat(open.authenticate(null, "ada", List.of())).isTrue();
    }

    @Test
    void aNewCodeIsSixUnambiguousCharacters() {
        for (int i = 0; i < 200; i++) {
            assertThat(SignIn.newClassCode()).matches("[a-km-np-z2-9]{6}").doesNotContain("l", "o", "0", "1");
        }
    }
}
