package io.xxgk.ingest.events;

import io.xxgk.contract.EventParser;
import io.xxgk.contract.Violation;
import io.xxgk.ingest.auth.Adapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides a request as a whole: every event valid and for a channel the token may write, or
 * nothing. Invalid events answer 400 (each listed), foreign channels 403.
 */
final class Admission {

    private Admission() {
    }

    static List<EventParser.Valid> admit(Adapter adapter, List<EventParser.Result> results) {
        List<Rejection.EventProblem> invalid = new ArrayList<>();
        List<Rejection.EventProblem> forbidden = new ArrayList<>();
        List<EventParser.Valid> accepted = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            switch (results.get(i)) {
                case EventParser.Invalid bad -> {
                    for (Violation v : bad.violations()) {
                        invalid.add(new Rejection.EventProblem(i, bad.id(), v.field(), v.reason()));
                    }
                }
                case EventParser.Valid event -> {
                    Optional<String> channel = event.data().channel();
                    String id = event.event().getId();
                    if (channel.isPresent() && adapter.org().channel(channel.get()).isEmpty()) {
                        invalid.add(new Rejection.EventProblem(i, id, "data.channel",
                                "'" + channel.get() + "' is not a channel of org " + adapter.org().id()));
                    } else if (channel.isPresent() && !adapter.token().mayWrite(channel.get())) {
                        forbidden.add(new Rejection.EventProblem(i, id, "data.channel",
                                "token " + adapter.token().id() + " may not write channel '" + channel.get() + "'"));
                    } else {
                        accepted.add(event);
                    }
                }
            }
        }
        if (!invalid.isEmpty()) {
            long events = invalid.stream().mapToInt(Rejection.EventProblem::index).distinct().count();
            throw Rejection.invalid(events + " of " + results.size() + " event(s) break the contract; nothing was accepted", invalid);
        }
        if (!forbidden.isEmpty()) {
            throw Rejection.forbidden(forbidden);
        }
        return accepted;
    }
}
