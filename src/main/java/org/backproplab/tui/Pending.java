package org.backproplab.tui;

import org.backproplab.train.Snapshot;

/**
 * What a view says while the trainer works out what it shows, or, once the run has diverged,
 * why it never will: the trainer computes nothing from parameters that are no longer numbers.
 */
final class Pending {
    private Pending() {
    }

    /** "{@code work} ...", or the diverged run's note. */
    static String text(Snapshot s, String work) {
        if (!s.diverged()) return work + " ...";
        return "nothing to show: the run diverged (its loss is not a number); r: new seed"; // fits 80 columns
    }
}
