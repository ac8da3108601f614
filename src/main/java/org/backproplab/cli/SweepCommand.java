package org.backproplab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "sweep", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class SweepCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
        throw new IllegalStateException("sweep is not built yet");
    }
}
