package io.xxgk.ingest.events;

import io.xxgk.contract.EventParser;
import io.xxgk.contract.Violation;
import io.xxgk.ingest.auth.Adapter;
import io.xxgk.registry.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;


/**
 * Decides a request as a whole: every event valid and for a channel the token may write, or
 * nothing. Invalid events answer 400 (each listed), foreign channels 403.
 */
final class Admission {

    private Admission() {
    }

    static List<ReadEvent> admit(Adapter adapter, List<ReadEvent> events) {
        List<Rejection.EventProblem> invalid = new ArrayList<>();
        List<Rejection.EventProblem> forbidden = new ArrayList<>();
        List<ReadEvent> accepted = new ArrayList<>(events.size());
        Set<String> orgChannels = adapter.org().channels().stream().map(Channel::id).collect(Collectors.toSet());
        for (int i = 0; i < events.size(); i++) {
            switch (events.get(i).result()) {
                case EventParser.Invalid bad -> {
                    for (Violation v : bad.violations()) {
                        invalid.add(new Rejection.EventProblem(i, bad.id(), v.field(), v.reason()));
                    }
                }
                case EventParser.Valid event -> {
                    Optional<String> channel = event.data().channel();
                    String id = event.event().getId();
                    if (channel.isPresent() && !orgChannels.contains(channel.get())) {
                        invalid.add(new Rejection.EventProblem(i, id, "data.channel",
                                "'" + channel.get() + "' is not a channel of org " + adapter.org().id()));
                    } else if (channel.isPresent() && !adapter.token().mayWrite(channel.get())) {
                        forbidden.add(new Rejection.EventProblem(i, id, "data.channel",
                                "token " + adapter.token().id() + " may not write channel '" + channel.get() + "'"));
                    } else {
                        accepted.add(events.get(i));
                    }
                }
            }
        }
        if (!invalid.isEmpty()) {
            long bad = invalid.stream().mapToInt(Rejection.EventProblem::index).distinct().count();
            throw Rejection.invalid(bad + " of " + events.size() + " event(s) break the contract; nothing was accepted", invalid);
        }
        if (!forbidden.isEmpty()) {
            throw Rejection.forbidden(forbidden);
        }
        return accepted;
    }
}
