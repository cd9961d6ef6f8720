package io.xxgk.support.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** The body cap of every service ({@link BodySizeLimitFilter}), first in the filter chain. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Filter.class)
@ConditionalOnProperty(prefix = "xxgk.http", name = "limit-bodies", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(HttpLimitsAutoConfiguration.HttpLimits.class)
public class HttpLimitsAutoConfiguration {

    /**
     * @param maxBodySize  the largest request body a service reads
     * @param limitBodies  false for a service that caps its bodies itself (ingest, with its own limit and metrics)
     */
    @ConfigurationProperties("xxgk.http")
    public record HttpLimits(@DefaultValue("256KB") DataSize maxBodySize, @DefaultValue("true") boolean limitBodies) {
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(HttpLimits limits, MeterRegistry meters) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(limits.maxBodySize().toBytes(), meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
