package io.xxgk.registry;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An institution: its channels and the time zone its days and years are counted in.
 *
 * @param id       short id used in URLs and tokens (e.g. {@code demo})
 * @param name     display name (示例大学)
 * @param timeZone day boundaries of its reports (Asia/Shanghai unless said otherwise)
 * @param channels its registered channels
 */
public record Org(String id, String name, String timeZone, List<Channel> channels) implements RegistryRecord {

    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    public Org {
        if (id == null || !id.matches(Channel.ID_PATTERN)) {
            throw new IllegalArgumentException("org id must be 1-64 of a-z, 0-9 and '-': " + id);
        }
        ZoneId.of(timeZone);
        channels = List.copyOf(channels);
    }

    public static Org withDefaultChannels(String id, String name) {
        return new Org(id, name, DEFAULT_TIME_ZONE, Channel.DEFAULTS);
    }

    public Optional<Channel> channel(String channelId) {
        return channels.stream().filter(c -> c.id().equals(channelId)).findFirst();
    }

    /** This org with {@code channel} added, or replacing the channel of the same id. */
    public Org withChannel(Channel channel) {
        List<Channel> updated = new ArrayList<>(channels.stream().filter(c -> !c.id().equals(channel.id())).toList());
        updated.add(channel);
        return new Org(id, name, timeZone, updated);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
