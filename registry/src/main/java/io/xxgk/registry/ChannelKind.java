package io.xxgk.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What sort of channel a channel is; stored and sent as its lower-case id ({@code website}). */
public enum ChannelKind {
    WEBSITE, SOCIAL, VIDEO, PRINT, SCREEN, SYSTEM, SERVICE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChannelKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }

    /** The ids, for messages that list what is accepted. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ChannelKind::id).toList();
    }

    @JsonCreator
    static ChannelKind parse(String id) {
        return of(id).orElseThrow(() -> new IllegalArgumentException("channel kind must be one of " + ids() + ": " + id));
    }
}
