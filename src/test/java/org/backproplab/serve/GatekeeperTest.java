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

    @Test
    void aSuccessDoesNotWipeTheRecordOfMissesFromItsAddress() {
        Gatekeeper g = gate(new SignIn("k7m2qz", null, false));
        assertThat(g.checkCode("guess", alice)).isFalse();          // miss 1 at t=0: wait 1 s
        now[0] = SECOND;
        assertThat(g.checkCode("k7m2qz", alice)).isTrue();         // someone else behind the same address
        assertThat(g.checkCode("guess", alice)).isFalse();          // miss 2 at t=1: wait 2 s, not 1 s again
        now[0] = 2 * SECOND + SECOND / 2;
        assertThat(g.checkCode("k7m2qz", alice)).as("still waiting at t=2.5").isFalse();
        now[0] = 3 * SECOND;
        assertThat(g.checkCode("k7m2qz", alice)).isTrue();
    }

    @Test
    void theRecordIsForgottenTenMinutesAfterTheLastMiss() {
        Gatekeeper g = gate(new SignIn("k7m2qz", null, false));
        g.checkCode("guess", alice);
        now[0] = 2 * SECOND;
        g.checkCode("guess", alice);                                // miss 2: wait 2 s
        assertThat(g.remembered()).isEqualTo(1);
        now[0] = 2 * SECOND + 10 * 60 * SECOND;
        g.checkCode("guess", bob);
        assertThat(g.remembered()).as("only bob's").isEqualTo(1);
        g.checkCode("guess", alice);                                // a first miss again: wait 1 s
        now[0] += SECOND;
        assertThat(g.checkCode("k7m2qz", alice)).isTrue();
    }

    @Test
    void theWholeServerLooksAtSixtyWrongCodesAMinuteFromAllAddressesTogether() throws Exception {
        Gatekeeper g = gate(new SignIn("k7m2qz", null, false));
        for (int i = 0; i < 60; i++) {
            assertThat(g.check("guess", InetAddress.getByName("10.1.0." + i)).verdict()).isEqualTo(Gatekeeper.Verdict.WRONG);
        }
        Gatekeeper.Outcome busy = g.check("k7m2qz", InetAddress.getByName("10.1.1.1"));
        assertThat(busy.verdict()).as("even the right code is not looked at").isEqualTo(Gatekeeper.Verdict.SERVER_BUSY);
        assertThat(busy.waitNanos()).isEqualTo(SECOND);
        now[0] = SECOND;                                            // one wrong code's worth back
        assertThat(g.checkCode("k7m2qz", InetAddress.getByName("10.1.1.1"))).isTrue();
        assertThat(g.check("guess", InetAddress.getByName("10.1.1.2")).verdict()).isEqualTo(Gatekeeper.Verdict.WRONG);
        assertThat(g.check("guess", InetAddress.getByName("10.1.1.3")).verdict()).isEqualTo(Gatekeeper.Verdict.SERVER_BUSY);
        now[0] = 61 * SECOND;                                       // a quiet minute: the whole budget again
        for (int i = 0; i < 60; i++) {
            assertThat(g.check("guess", InetAddress.getByName("10.2.0." + i)).verdict()).isEqualTo(Gatekeeper.Verdict.WRONG);
        }
        assertThat(g.failures()).isEqualTo(60 + 1 + 1 + 1 + 60);
    }

    @Test
    void thePromptSaysWhatBecameOfTheLastTryAndHowLongToWait() {
        Gatekeeper.Outcome wrong = new Gatekeeper.Outcome(Gatekeeper.Verdict.WRONG, SECOND);
        assertThat(Gatekeeper.prompt(null, 0)).isEqualTo("Class code: ");
        assertThat(Gatekeeper.prompt(wrong, SECOND)).isEqualTo("Wrong class code, try again. Class code: ");
        // 3.2 s to wait reads as 4 s: rounded up, so that waiting that long is enough
        assertThat(Gatekeeper.prompt(wrong, 3_200_000_000L)).isEqualTo("Wrong class code; too many tries, wait 4 s. Class code: ");
        Gatekeeper.Outcome soon = new Gatekeeper.Outcome(Gatekeeper.Verdict.TOO_SOON, 8 * SECOND);
        assertThat(Gatekeeper.prompt(soon, 8 * SECOND)).isEqualTo("Not checked: too many tries, wait 8 s. Class code: ");
        Gatekeeper.Outcome busy = new Gatekeeper.Outcome(Gatekeeper.Verdict.SERVER_BUSY, SECOND / 2);
        assertThat(Gatekeeper.prompt(busy, SECOND / 2))
                .isEqualTo("Not checked: too many tries on this server, wait 1 s. Class code: ");
    }
}
