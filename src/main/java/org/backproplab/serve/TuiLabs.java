package org.backproplab.serve;

import com.googlecode.lanterna.terminal.Terminal;
import org.backproplab.train.Config;
import org.backproplab.train.Snapshot;
import org.backproplab.train.Trainer;
import org.backproplab.tui.CostMeter;
import org.backproplab.tui.Lab;
import org.backproplab.tui.LabOptions;

/**
 * The terminal UI's lab for every learner: each with a trainer of their own started from the
 * class's settings, or (shared) one trainer that every lab watches. The cost view's measurements
 * of all labs take turns, one at a time on the whole server: a room pressing {@code c} at once
 * cannot fill the machine with benchmarks.
 */
final class TuiLabs implements LabFactory {
    /** Cost measurements running at once on the whole server. */
    static final int MEASUREMENTS_AT_ONCE = 1;

    private final Config config;
    private final String preset;
    private final Trainer shared;
    private final CostMeter costMeter = new CostMeter(MEASUREMENTS_AT_ONCE);

    TuiLabs(Config config, String preset, boolean shared) {
        this.config = config;
        this.preset = preset;
        this.shared = shared ? new Trainer(config, preset) : null;
        if (this.shared != null) {
            this.shared.start();
        }
    }

    @Override
    public RunningLab open(Terminal terminal, LabOptions options) {
        Trainer trainer = shared != null ? shared : new Trainer(config, preset);
        if (shared == null) {
            trainer.start();
        }
        Lab lab = new Lab(terminal, trainer, options, costMeter);
        return new RunningLab() {
            @Override
            public void run() throws Exception {
                try {
                    lab.run();
                } finally {
                    if (trainer != shared) {
                        trainer.close();
                    }
                }
            }

            @Override
            public void stop() {
                lab.stop();
            }

            @Override
            public void setRole(boolean readOnly, String title) {
                lab.setRole(readOnly, title);
            }

            @Override
            public Progress progress() {
                Snapshot s = trainer.snapshot();
                return new Progress(s.epoch(), s.loss(), s.standing());
            }
        };
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
        costMeter.close();
    }
}
