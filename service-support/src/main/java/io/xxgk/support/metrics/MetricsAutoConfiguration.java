package io.xxgk.support.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Registers {@link PrometheusHygiene} on every service's meter registry. */
@AutoConfiguration
@ConditionalOnClass(MeterFilter.class)
public class MetricsAutoConfiguration {

    @Bean
    MeterFilter prometheusHygiene() {
        return new PrometheusHygiene();
    }
}
