package io.xxgk.dashboard.checklist;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ChecklistConfiguration {

    @Bean
    ChecklistCatalog checklistCatalog(JsonMapper json) {
        return ChecklistCatalog.load(json, ChecklistCatalog.DEFAULT);
    }
}
