package io.xxgk.aggregator.repair;

import com.clickhouse.client.api.Client;
import io.xxgk.registry.Org;
import io.xxgk.store.Rollups;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the rollups of closed years in one part each ({@link Rollups#compactClosedYears}). */
@Component
class Compaction {

    private static final Logger log = LoggerFactory.getLogger(Compaction.class);

    private final Rollups rollups;

    Compaction(Client clickHouse, ClickHouseProperties properties) {
        this.rollups = new Rollups(clickHouse, properties.database());
    }

    @Scheduled(initialDelayString = "${xxgk.aggregator.compact-every:1h}", fixedDelayString = "${xxgk.aggregator.compact-every:1h}")
    void compactClosedYears() {
        try {
            rollups.compactClosedYears(LocalDate.now(ZoneId.of(Org.DEFAULT_TIME_ZONE)).getYear());
        } catch (RuntimeException e) {
            // a merge that cannot run now (ClickHouse away, busy) runs at the next turn
            log.warn("compacting the rollups of closed years failed, retrying in the next turn: {}", e.getMessage());
        }
    }
}
