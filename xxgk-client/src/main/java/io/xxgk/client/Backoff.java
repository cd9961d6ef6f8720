package io.xxgk.client;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next attempt: exponential with full jitter (so many adapters that
 * failed together do not come back together), at least what the server asked for in
 * {@code Retry-After}, never more than the cap.
 */
record Backoff(Duration initial, Duration max) {

    Duration delay(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt, 20));
        long jittered = random.nextLong(ceiling + 1);
        long asked = retryAfter.map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.min(max.toMillis(), Math.max(jittered, asked)));
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is not used by ingest). */
    static Optional<Duration> retryAfter(Optional<String> header) {
        try {
            return header.map(String::trim).map(Long::parseLong).filter(s -> s >= 0).map(Duration::ofSeconds);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
