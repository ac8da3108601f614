package org.backproplab.serve;

/**
 * Tells the console when a run that has not learned is stuck: its loss has fallen by less than
 * 0.1% over the last 10,000 epochs (a dead ReLU sits at 0.4774 for ever; the runs that learn
 * do so within 10k epochs, or keep falling steadily, as the reference preset's seed 0 does).
 * Fed with what the console sees, about once a second; a restart (the epoch going back) starts over.
 */
final class StuckWatch {
    static final long EPOCHS = 10_000;
    static final double LEAST_FALL = 0.001;

    private long sinceEpoch = -1;
    private double sinceLoss = Double.NaN;

    synchronized boolean stuck(long epoch, double loss) {
        if (sinceEpoch < 0 || epoch < sinceEpoch || !(loss >= 0) || loss < sinceLoss * (1 - LEAST_FALL)) {
            sinceEpoch = epoch;
            sinceLoss = loss;
            return false;
        }
        return epoch - sinceEpoch >= EPOCHS;
    }
}
