package io.xxgk.aggregator.repair;

import io.xxgk.aggregator.AggregatorProperties;
import io.xxgk.registry.Org;
import io.xxgk.store.Rollups;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the rollups of closed years in one part each ({@link Rollups#compactClosedYears}), every
 * {@code xxgk.aggregator.compact-every}.
 */
@Component
class Compaction implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Compaction.class);

    private final Rollups rollups;
    private final AggregatorProperties properties;

    Compaction(Rollups rollups, AggregatorProperties properties) {
        this.rollups = rollups;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::compactClosedYears, properties.compactEvery(), properties.compactEvery()));
    }

    void compactClosedYears() {
        try {
            rollups.compactClosedYears(LocalDate.now(ZoneId.of(Org.DEFAULT_TIME_ZONE)).getYear());
        } catch (RuntimeException e) {
            // a merge that cannot run now (ClickHouse away, busy) runs at the next turn
            log.warn("compacting the rollups of closed years failed, retrying in the next turn: {}", e.getMessage());
        }
    }
}
