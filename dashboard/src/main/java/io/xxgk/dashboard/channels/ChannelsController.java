package io.xxgk.dashboard.channels;

import io.xxgk.dashboard.registry.RegistryUpdates;
import io.xxgk.dashboard.security.OrgAccess;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.dashboard.web.InvalidInput;
import io.xxgk.registry.Channel;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Org;
import io.xxgk.registry.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An org's publishing channels: {@code GET} for everyone who sees the org, {@code PUT .../{id}}
 * (ADMIN) adds one or renames it. Channels are not removed: their past events keep counting.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/channels")
class ChannelsController {

    static final Set<String> KINDS = Set.of("website", "social", "video", "print", "screen", "system", "service");
    private static final int MAX_NAME = 100;

    private final Registry registry;
    private final RegistryUpdates updates;
    private final OrgAccess access;

    ChannelsController(Registry registry, RegistryUpdates updates, OrgAccess access) {
        this.registry = registry;
        this.updates = updates;
        this.access = access;
    }

    record Change(String name, String kind) {
    }

    @GetMapping
    List<Channel> channels(@PathVariable String org, Authentication login) {
        access.check(Viewer.of(login), org, Role.LEADER);
        return registry.org(org).orElseThrow().channels();
    }

    @PutMapping("/{id}")
    Channel put(@PathVariable String org, @PathVariable String id, @RequestBody Change change, Authentication login) {
        access.check(Viewer.of(login), org, Role.ADMIN);
        List<InvalidInput.Param> invalid = new ArrayList<>();
        if (!id.matches(Channel.ID_PATTERN)) {
            invalid.add(new InvalidInput.Param("id", "must be 1-64 of a-z, 0-9 and '-' (it is what events carry in data.channel)"));
        }
        String name = InvalidInput.text("name", change.name(), MAX_NAME, invalid);
        if (name == null) {
            invalid.add(new InvalidInput.Param("name", "is required: the name the report prints (1-" + MAX_NAME + " characters)"));
        }
        if (change.kind() == null || !KINDS.contains(change.kind())) {
            invalid.add(new InvalidInput.Param("kind", "must be one of " + KINDS.stream().sorted().toList()));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInput("channel", invalid);
        }
        Channel channel = new Channel(id, name, change.kind());
        Org current = registry.org(org).orElseThrow();
        updates.put(current.withChannel(channel));
        return channel;
    }
}
