package io.xxgk.dashboard.report;

import com.clickhouse.client.api.Client;
import io.xxgk.store.report.StatsQueries;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    /** Today, for the periods in progress: one clock, so a test can set it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    StatsQueries statsQueries(Client clickHouse) {
        return new StatsQueries(clickHouse);
    }
}
