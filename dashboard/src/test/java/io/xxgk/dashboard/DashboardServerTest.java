package io.xxgk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.registry.RegistryFollower;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every test of a running dashboard shares: its port, its registry read to the end before each
 * test (users and orgs written in setup are there), the operator's client and JSON.
 */
public abstract class DashboardServerTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected RegistryFollower registry;

    protected final JsonMapper json = JsonMapper.builder().build();

    /** The servers the test class registered with its {@code @DynamicPropertySource}. */
    protected abstract DashboardTestServers servers();

    @BeforeEach
    void registryRead() throws Exception {
        assertThat(registry.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }

    /** The operator's client. */
    protected DashboardClient client() {
        return servers().client(port);
    }
}
