package io.xxgk.cli;

import io.xxgk.registry.ApiToken;
import io.xxgk.stack.StackException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./xxgk token create|list|revoke}: the adapters' credentials. */
@Command(name = "token", description = "Adapters' API tokens: create, list, revoke.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {

    @Command(name = "create", description = "Issue a token for an org's channels; the token is printed alone on the last line, and only once.")
    static final class Create extends RegistryCommand {
        @Option(names = "--org", required = true, description = "the org it writes for")
        String org;

        @Option(names = "--channels", required = true, split = ",", description = "channels it may write, comma-separated")
        List<String> channels;

        @Option(names = "--label", defaultValue = "", description = "what it is for, e.g. the adapter's name")
        String label;

        @Override
        void run(RegistryClient client) {
            ApiToken.Issued issued = client.registrar().issueToken(org, channels, label);
            System.out.println("token " + issued.token().id() + " for org " + org + ", channels " + issued.token().channels()
                    + ". Keep it secret; it is not shown again:");
            System.out.println(issued.bearer());
        }
    }

    @Command(name = "list", description = "Tokens (ids, never secrets), their org, channels and state.")
    static final class ListTokens extends RegistryCommand {
        @Option(names = "--org", description = "only this org's")
        String org;

        @Override
        void run(RegistryClient client) {
            System.out.printf("%-14s %-12s %-9s %-22s %s%n", "ID", "ORG", "STATE", "CREATED", "CHANNELS (LABEL)");
            for (ApiToken t : client.read().tokens()) {
                if (org == null || org.equals(t.org())) {
                    System.out.printf("%-14s %-12s %-9s %-22s %s (%s)%n", t.id(), t.org(), t.revokedAt() == null ? "active" : "revoked",
                            t.createdAt().toString().substring(0, 19), String.join(",", t.channels().stream().sorted().toList()), t.label());
                }
            }
        }
    }

    @Command(name = "revoke", description = "Revoke a token: ingest refuses it within moments.")
    static final class Revoke extends RegistryCommand {
        @Parameters(paramLabel = "ID|TOKEN", description = "the token's id (see token list), or the bearer string itself (xxgk_…)")
        String id;

        @Override
        void run(RegistryClient client) {
            // the bearer a leak shows is what an operator has at hand: its id is its public part, and the secret must match
            String given = id.strip();
            Optional<String> ofBearer = ApiToken.idOf(given);
            String tokenId = ofBearer.orElse(given);
            ApiToken token = client.read().token(tokenId)
                    .filter(t -> ofBearer.isEmpty() || t.revokedAt() != null || t.matches(given))
                    .orElseThrow(() -> new StackException("no token " + (ofBearer.isPresent() ? "with this bearer string" : tokenId)
                            + " (give its id, as token list shows, or the whole bearer string)"));
            if (token.revokedAt() == null) {
                client.put(token.revoked(Instant.now()), Optional.of(token));
            }
            System.out.println("token " + id + " of org " + token.org() + " is revoked");
        }
    }
}
