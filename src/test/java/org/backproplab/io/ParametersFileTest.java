package org.backproplab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Loss;

class ParametersFileTest {

    /** Any finite θ of any size, written as the parameters JSON and read back, keeps every bit. */
    @Property(tries = 300)
    void parametersRoundTripBitForBit(@ForAll @IntRange(min = 1, max = 8) int hidden, @ForAll long seed)
            throws Exception {
        Architecture arch = new Architecture(hidden, Activation.TANH, Loss.MSE);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double[] theta = new double[arch.parameterCount()];
        for (int k = 0; k < theta.length; k++) {
            double x;
            do {
                x = Double.longBitsToDouble(rnd.nextLong());
            } while (!Double.isFinite(x));
            theta[k] = x;
        }
        String text = Json.write(Map.of("parameters", ParametersFile.toJson(arch, theta)));
        double[] back = ParametersFile.fromJson(Json.parse(text), arch, "test");
        for (int k = 0; k < theta.length; k++) {
            assertThat(Double.doubleToRawLongBits(back[k])).isEqualTo(Double.doubleToRawLongBits(theta[k]));
        }
    }

    @Property(tries = 50)
    void aFileForOneHiddenSizeIsRefusedForAnother(@ForAll @IntRange(min = 1, max = 8) int saved,
                                                   @ForAll @IntRange(min = 1, max = 8) int wanted) throws Exception {
        if (saved == wanted) {
            return;
        }
        Architecture from = new Architecture(saved, Activation.RELU, Loss.BCE);
        String text = Json.write(Map.of("parameters", ParametersFile.toJson(from, new double[from.parameterCount()])));
        Architecture to = new Architecture(wanted, Activation.RELU, Loss.BCE);
        assertThatThrownBy(() -> ParametersFile.fromJson(Json.parse(text), to, "f"))
                .isInstanceOf(ParametersFile.InvalidFile.class)
                .hasMessageContaining("as saved with --hidden " + saved)
                .hasMessageContaining("expected for --hidden " + wanted);
    }
}
