package org.backproplab.tui;

import org.backproplab.nn.Architecture;
import org.backproplab.train.Bench;

/**
 * What the cost view shows as measured: epochs per second of each method for one architecture
 * (the cost follows P, so a measurement for another architecture is stale), or nothing yet.
 *
 * @param results null while the measurement runs
 */
public record CostFigures(Architecture architecture, Bench.Results results) {
    public boolean measuring() {
        return results == null;
    }
}
