package org.backproplab.serve;

import com.googlecode.lanterna.terminal.Terminal;

/** Makes the lab each learner gets on their own terminal; the server knows labs only through this. */
public interface LabFactory {

    /** The labs a class gets: each learner their own run of {@code config}, or one run everyone watches. */
    static LabFactory forClass(org.backproplab.train.Config config, boolean shared) {
        return new PlaceholderLabs(config, shared);
    }

    /** A lab on one learner's terminal, not yet running. */
    RunningLab open(Terminal terminal, LabLook look);

    /** Frees what all labs shared (a shared trainer), once the server has stopped. */
    default void close() {
    }

    /** How one learner's lab is drawn: colour, ASCII glyphs, watch-only (a shared lab), a title. */
    record LabLook(boolean colour, boolean ascii, boolean readOnly, String title) {
    }

    /** One learner's lab. */
    interface RunningLab {
        /** Blocks until the learner quits or {@link #stop()} is called; restores the screen before returning. */
        void run() throws Exception;

        /** From any thread: ends {@link #run()} promptly. */
        void stop();

        /** What the teacher's console shows for this lab. */
        Progress progress();
    }

    /** A lab's progress as the console shows it. {@code state}: e.g. "learning", "learned", "stuck". */
    record Progress(long epoch, double loss, String state) {
        public static final Progress NONE = new Progress(0, Double.NaN, "starting");
    }
}
