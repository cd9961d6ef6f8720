package io.xxgk.dashboard.report;

import com.clickhouse.client.api.Client;
import io.xxgk.store.report.StatsQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    StatsQueries statsQueries(Client clickHouse) {
        return new StatsQueries(clickHouse);
    }
}
