package org.backproplab.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.backproplab.train.Preset;
import org.backproplab.tui.LabOptions;
import org.backproplab.tui.Rehearsal;
import picocli.CommandLine.Command;

/**
 * Not for people: the launcher runs it once per build to record its class-data archive. It loads
 * what a start of the live view loads (a short training run, then a moment of the lab drawn
 * off-screen), so that the archive holds those classes too and the first frame comes sooner.
 */
@Command(name = "warm-up", hidden = true, description = "Load the classes of a start of the lab (used by the launcher).")
public final class WarmUpCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
        Main.run(new String[] {"train", "--epochs", "1", "--format", "json"}, nowhere, nowhere);
        int frames = Rehearsal.run(Preset.TEXTBOOK.defaults(), Preset.TEXTBOOK.id(), LabOptions.defaults(), 200);
        return frames > 0 ? 0 : 1;
    }
}
