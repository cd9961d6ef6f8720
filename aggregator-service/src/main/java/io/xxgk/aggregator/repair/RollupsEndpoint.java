package io.xxgk.aggregator.repair;

import io.xxgk.store.Rollups;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/rollups {"year": 2024}}: rebuilds a year's rollups from the stored events
 * (docs/counting.md, repair). This instance stops consuming meanwhile, so that the year it is
 * rebuilding holds still; with several instances, stop the others first.
 */
@Component
@Endpoint(id = "rollups")
class RollupsEndpoint {

    private static final Duration PAUSE_TIMEOUT = Duration.ofMinutes(2);

    private final Rollups rollups;
    private final KafkaListenerEndpointRegistry listeners;

    RollupsEndpoint(Rollups rollups, KafkaListenerEndpointRegistry listeners) {
        this.rollups = rollups;
        this.listeners = listeners;
    }

    @WriteOperation
    synchronized Map<String, Object> rebuild(int year) throws InterruptedException {
        Instant started = Instant.now();
        listeners.getListenerContainers().forEach(MessageListenerContainer::pause);
        try {
            awaitPaused();
            rollups.rebuild(year);
        } finally {
            listeners.getListenerContainers().forEach(MessageListenerContainer::resume);
        }
        return Map.of("year", year, "rebuilt", true, "millis", Duration.between(started, Instant.now()).toMillis());
    }

    /** A pause takes effect once the batch in hand is stored. */
    private void awaitPaused() throws InterruptedException {
        Instant deadline = Instant.now().plus(PAUSE_TIMEOUT);
        while (!listeners.getListenerContainers().stream().allMatch(c -> c.isPauseRequested() && (c.isContainerPaused() || !c.isRunning()))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the consumer did not pause within " + PAUSE_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }
}
