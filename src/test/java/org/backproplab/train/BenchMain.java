package org.backproplab.train;

/** Prints ns per epoch for the textbook preset: {@code java -cp target/classes:target/test-classes org.backproplab.train.BenchMain}. */
public final class BenchMain {
    public static void main(String[] args) {
        Config c = (args.length > 0 ? Preset.valueOf(args[0].toUpperCase(java.util.Locale.ROOT)) : Preset.TEXTBOOK).defaults();
        for (int round = 0; round < 2; round++) {
            Bench.Results r = Bench.all(c);
            System.out.printf("chain %.1f ns  numeric-forward %.1f ns  numeric-central %.1f ns  (fwd/chain %.1f, central/chain %.1f)%n",
                    r.chain().nsPerEpoch(), r.numericForward().nsPerEpoch(), r.numericCentral().nsPerEpoch(),
                    r.ratio(r.numericForward()), r.ratio(r.numericCentral()));
        }
    }
}
