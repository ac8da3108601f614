package org.backproplab.train;

import java.util.Locale;

/** Which gradient drives the update. */
public enum Method {
    CHAIN, NUMERIC;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Method other() {
        return this == CHAIN ? NUMERIC : CHAIN;
    }
}
