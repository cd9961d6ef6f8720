package io.xxgk.cli;

import io.xxgk.registry.Org;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./xxgk org create|list}: the institutions. */
@Command(name = "org", description = "Institutions: create, list.", subcommands = {OrgCommand.Create.class, OrgCommand.ListOrgs.class})
final class OrgCommand {

    @Command(name = "create", description = "Register an org with the default channels.")
    static final class Create extends RegistryCommand {
        @Parameters(paramLabel = "ID", description = "short id: a-z, 0-9, '-'")
        String id;

        @Option(names = "--name", required = true, description = "display name, e.g. 示例大学")
        String name;

        @Option(names = "--time-zone", defaultValue = Org.DEFAULT_TIME_ZONE, description = "where its days begin (default ${DEFAULT-VALUE})")
        String timeZone;

        @Override
        void run(RegistryClient client) {
            Org org = client.registrar().createOrg(id, name, timeZone);
            System.out.println("org " + id + " (" + org.name() + ", " + timeZone + ") created with " + org.channels().size() + " channels");
        }
    }

    @Command(name = "list", description = "Orgs and their time zones.")
    static final class ListOrgs extends RegistryCommand {
        @Override
        void run(RegistryClient client) {
            System.out.printf("%-16s %-16s %-10s %s%n", "ID", "TIME ZONE", "CHANNELS", "NAME");
            client.read().orgs().forEach(o -> System.out.printf("%-16s %-16s %-10d %s%n", o.id(), o.timeZone(), o.channels().size(), o.name()));
        }
    }
}
