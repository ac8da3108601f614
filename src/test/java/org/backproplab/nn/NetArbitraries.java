package org.backproplab.nn;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/**
 * What property tests draw networks from, as {@code @ForAll(supplier = NetArbitraries.Architectures.class)}:
 * every architecture the lab allows, and any seed.
 */
public final class NetArbitraries {
    private NetArbitraries() {
    }

    /** 1..8 hidden units, any activation, any loss. */
    public static final class Architectures implements ArbitrarySupplier<Architecture> {
        @Override
        public Arbitrary<Architecture> get() {
            return Combinators.combine(Arbitraries.integers().between(Architecture.MIN_HIDDEN, Architecture.MAX_HIDDEN),
                    Arbitraries.of(Activation.values()), Arbitraries.of(Loss.values())).as(Architecture::new);
        }
    }

    /** numpy's seeds, 0..2³² − 1. */
    public static final class Seeds implements ArbitrarySupplier<Long> {
        @Override
        public Arbitrary<Long> get() {
            return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        }
    }
}
