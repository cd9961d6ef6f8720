package io.xxgk.dashboard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down: after {@value #PER_ACCOUNT} failed logins of one account, or
 * {@value #PER_ADDRESS} from one address, within {@link #WINDOW}, further logins of that account or
 * from that address are refused until the oldest failure leaves the window — the right password
 * too, so that guessing learns nothing. A successful login clears its account's failures. Kept in
 * memory, per dashboard instance.
 */
@Component
class LoginThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> accounts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> addresses = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the account, or the address, must wait before trying again; empty when it may try now. */
    Optional<Duration> lockedFor(String account, String address) {
        Instant now = clock.instant();
        Optional<Duration> byAccount = lockedFor(accounts.get(account), PER_ACCOUNT, now);
        Optional<Duration> byAddress = lockedFor(addresses.get(address), PER_ADDRESS, now);
        return byAccount.isPresent() ? byAccount : byAddress;
    }

    private static Optional<Duration> lockedFor(Deque<Instant> failures, int allowed, Instant now) {
        if (failures == null) {
            return Optional.empty();
        }
        synchronized (failures) {
            forget(failures, now);
            return failures.size() < allowed ? Optional.empty() : Optional.of(Duration.between(now, failures.peekFirst().plus(WINDOW)));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Instant now = clock.instant();
        record(accounts, event.getAuthentication().getName(), now);
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            record(addresses, details.getRemoteAddress(), now);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.remove(event.getAuthentication().getName());
    }

    private static void record(Map<String, Deque<Instant>> failures, String key, Instant now) {
        if (key == null) {
            return;
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            forget(times, now);
            times.addLast(now);
        }
    }

    private static void forget(Deque<Instant> failures, Instant now) {
        while (!failures.isEmpty() && failures.peekFirst().plus(WINDOW).isBefore(now)) {
            failures.removeFirst();
        }
    }
}
