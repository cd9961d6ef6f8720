package io.xxgk.dashboard.report;

import com.clickhouse.client.api.Client;
import io.xxgk.store.report.StatsQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    StatsQueries statsQueries(Client clickHouse) {
        return new StatsQueries(clickHouse);
    }

    @Bean
    ChecklistCatalog checklistCatalog(JsonMapper json) {
        return ChecklistCatalog.load(json, ChecklistCatalog.DEFAULT);
    }
}
