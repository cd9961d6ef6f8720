package io.xxgk.cli;

import io.xxgk.registry.Channel;
import io.xxgk.registry.ChannelKind;
import io.xxgk.registry.Org;
import io.xxgk.stack.StackException;
import java.util.Iterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./xxgk channel add|list}: an org's channel registry. */
@Command(name = "channel", description = "An org's channels: add (or rename), list.",
        subcommands = {ChannelCommand.Add.class, ChannelCommand.ListChannels.class})
final class ChannelCommand {

    @Command(name = "add", description = "Add a channel to an org, or change the name or kind of one it has.")
    static final class Add extends RegistryCommand {
        @Option(names = "--org", required = true)
        String org;

        @Option(names = "--id", required = true, description = "id used in events: a-z, 0-9, '-'")
        String id;

        @Option(names = "--name", required = true, description = "name in reports, e.g. 学院网站")
        String name;

        @Option(names = "--kind", defaultValue = "website", description = "one of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})",
                completionCandidates = Kinds.class)
        String kind;

        @Override
        void run(RegistryClient client) {
            Channel channel = client.registrar().putChannel(org, id, name, kind);
            System.out.println("org " + org + ": channel " + id + " (" + channel.name() + ", " + channel.kind().id() + ")");
        }
    }

    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ChannelKind.ids().iterator();
        }
    }

    @Command(name = "list", description = "An org's channels.")
    static final class ListChannels extends RegistryCommand {
        @Option(names = "--org", required = true)
        String org;

        @Override
        void run(RegistryClient client) {
            Org current = client.read().org(org).orElseThrow(() -> new StackException("no org " + org));
            System.out.printf("%-16s %-10s %s%n", "ID", "KIND", "NAME");
            current.channels().forEach(c -> System.out.printf("%-16s %-10s %s%n", c.id(), c.kind().id(), c.name()));
        }
    }
}
