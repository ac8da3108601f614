package org.backproplab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "tui", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class TuiCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
        throw new IllegalStateException("tui is not built yet");
    }
}
