package io.xxgk.dashboard.channels;

import io.xxgk.dashboard.security.OrgAccess;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.registry.Channel;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Registrar;
import io.xxgk.registry.Registry;
import java.util.List;
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

    private final Registry registry;
    private final Registrar registrar;
    private final OrgAccess access;

    ChannelsController(Registry registry, Registrar registrar, OrgAccess access) {
        this.registry = registry;
        this.registrar = registrar;
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
        return registrar.putChannel(org, id, change.name(), change.kind());
    }
}
