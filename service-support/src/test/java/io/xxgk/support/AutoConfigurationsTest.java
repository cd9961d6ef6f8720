package io.xxgk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.xxgk.registry.RegistryFollower;
import io.xxgk.support.clickhouse.ClickHouseAutoConfiguration;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import io.xxgk.support.kafka.KafkaHealthAutoConfiguration;
import io.xxgk.support.metrics.MetricsAutoConfiguration;
import io.xxgk.support.metrics.PrometheusHygiene;
import io.xxgk.support.registry.RegistryAutoConfiguration;
import io.xxgk.support.web.HttpLimitsAutoConfiguration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.kafka.core.KafkaAdmin;

/** What each auto-configuration contributes, when, and when it stands back, as Spring Boot tests its own. */
class AutoConfigurationsTest {

    /** Nothing listens on port 1: servers that are away. */
    private static final String AWAY = "127.0.0.1:1";

    @Test
    void clickHouseGivesAClientOnTheConfiguredDatabaseAndItsHealthIsDownWhenTheServerIsAway() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class))
                .withPropertyValues("xxgk.clickhouse.url=http://" + AWAY, "xxgk.clickhouse.database=stats")
                .run(context -> {
                    assertThat(context).hasSingleBean(Client.class);
                    assertThat(context.getBean(ClickHouseProperties.class).database()).isEqualTo("stats");
                    HealthIndicator health = context.getBean("clickHouseHealthIndicator", HealthIndicator.class);
                    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.health().getDetails()).containsEntry("url", "http://" + AWAY);
                });
    }

    @Test
    void clickHouseStandsBackForAClientOfTheServicesOwnAndWithoutTheClientLibrary() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class))
                .withBean("ownClient", Client.class, () -> ClickHouseClients.builder(
                        new ClickHouseProperties("http://" + AWAY, "own", "default", "")).build())
                .run(context -> assertThat(context).hasSingleBean(Client.class).hasBean("ownClient"));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(Client.class))
                .run(context -> assertThat(context).doesNotHaveBean("clickHouseHealthIndicator"));
    }

    @Test
    void kafkasHealthNeedsAKafkaAdminAndIsDownWhenNoBrokerAnswers() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaHealthAutoConfiguration.class));

        runner.run(context -> assertThat(context).doesNotHaveBean("kafkaHealthIndicator"));
        runner.withBean(KafkaAdmin.class, () -> new KafkaAdmin(Map.of("bootstrap.servers", AWAY)))
                .run(context -> assertThat(context.getBean("kafkaHealthIndicator", HealthIndicator.class).health().getStatus())
                        .isEqualTo(Status.DOWN));
    }

    @Test
    void metricsGetThePrometheusHygieneFilter() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(MeterFilter.class)).isInstanceOf(PrometheusHygiene.class));
    }

    @Test
    void theRegistryIsFollowedOnlyWhereTheRegistryModuleIs() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RegistryAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(RegistryFollower.class))
                .run(context -> assertThat(context).doesNotHaveBean("registryFollower").doesNotHaveBean("registryHealthIndicator"));
    }

    @Test
    void everyServletServiceCapsBodiesFirstUnlessItCapsThemItself() {
        WebApplicationContextRunner runner = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HttpLimitsAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

        runner.withPropertyValues("xxgk.http.max-body-size=64KB").run(context -> {
            FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
            assertThat(registration.getFilter().getClass().getSimpleName()).isEqualTo("BodySizeLimitFilter");
            assertThat(registration.getOrder()).isEqualTo(Integer.MIN_VALUE);
            assertThat(context.getBean(HttpLimitsAutoConfiguration.HttpLimits.class).maxBodySize().toKilobytes()).isEqualTo(64);
        });
        runner.withPropertyValues("xxgk.http.limit-bodies=false").run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HttpLimitsAutoConfiguration.class))
                .run(context -> assertThat(context).as("not a web application").doesNotHaveBean(FilterRegistrationBean.class));
    }
}
