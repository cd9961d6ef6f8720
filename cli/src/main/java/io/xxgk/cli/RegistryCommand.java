package io.xxgk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/** A command that reads or changes the registry of the stack named by {@code --state}. */
abstract class RegistryCommand implements Callable<Integer> {

    @CommandLine.Mixin
    Xxgk.Target target = new Xxgk.Target();

    @Override
    public final Integer call() {
        try (RegistryClient client = RegistryClient.connect(target.env())) {
            run(client);
        }
        return 0;
    }

    abstract void run(RegistryClient client);
}
