package org.backproplab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "train", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
        throw new IllegalStateException("train is not built yet");
    }
}
