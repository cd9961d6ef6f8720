package io.xxgk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.registry.RegistryFollower;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every test of a running ingest shares: its port, and its registry read before each test (until then it answers 503). */
abstract class IngestServerTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected RegistryFollower follower;

    @BeforeEach
    void registryRead() throws Exception {
        assertThat(follower.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }
}
