package org.backproplab.serve;

import com.googlecode.lanterna.terminal.Terminal;
import org.backproplab.train.Config;
import org.backproplab.tui.LabOptions;

/** Makes the lab each learner gets on their own terminal; the server knows labs only through this. */
public interface LabFactory {

    /**
     * The labs a class gets: each learner their own run of {@code config}, or one run everyone
     * watches. {@code preset} is the name shown for where the settings came from.
     */
    static LabFactory forClass(Config config, String preset, boolean shared) {
        return new TuiLabs(config, preset, shared);
    }

    /** A lab on one learner's terminal, not yet running. */
    RunningLab open(Terminal terminal, LabOptions options);

    /** Frees what all labs shared (a shared trainer), once the server has stopped. */
    default void close() {
    }

    /** One learner's lab. */
    interface RunningLab {
        /** Blocks until the learner quits or {@link #stop()} is called; restores the screen before returning. */
        void run() throws Exception;

        /** From any thread: ends {@link #run()} promptly. */
        void stop();

        /** From any thread: makes the lab a watcher of a shared lab or its driver, under a new title. */
        void setRole(boolean readOnly, String title);

        /** What the teacher's console shows for this lab. */
        Progress progress();
    }

    /**
     * A lab's progress as the console shows it. {@code state}: "paused", "running", "learned",
     * "diverged" or "stuck".
     */
    record Progress(long epoch, double loss, String state) {
        public static final Progress NONE = new Progress(0, Double.NaN, "starting");
    }
}
