package io.xxgk.dashboard.registry;

import io.xxgk.registry.Registrar;
import io.xxgk.registry.Registry;
import io.xxgk.registry.RegistryRecord;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry's rules, checked against this dashboard's registry and written so that the next page shows the change. */
@Configuration(proxyBeanMethods = false)
class RegistrarConfiguration {

    @Bean
    Registrar registrar(Registry registry, RegistryUpdates updates, Clock clock) {
        return new Registrar(new Registrar.Store() {
            @Override
            public Registry registry() {
                return registry;
            }

            @Override
            public void put(RegistryRecord record) {
                updates.put(record);
            }
        }, clock);
    }
}
