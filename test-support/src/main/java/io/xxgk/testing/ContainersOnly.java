package io.xxgk.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * The {@code containers} Maven profile ({@code mvn verify -Pcontainers}) runs every integration
 * test against the official Kafka and ClickHouse images. Where no Docker engine runs, it skips the
 * tests saying why, instead of quietly testing against something else. Registered for every test by
 * JUnit's extension auto-detection, which only that profile turns on.
 */
public final class ContainersOnly implements ExecutionCondition {

    static final String MODE = "containers";
    private static final String NO_DOCKER = "-Pcontainers runs the tests on the official Kafka and ClickHouse images, "
            + "and no Docker engine runs here: skipped (run ./xxgk test for real local servers)";
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!MODE.equals(System.getProperty(RealServers.SERVERS_PROPERTY))) {
            return ConditionEvaluationResult.enabled("not the containers profile");
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("Docker engine found: official images");
        }
        if (TOLD.compareAndSet(false, true)) {
            System.err.println(NO_DOCKER);
        }
        return ConditionEvaluationResult.disabled(NO_DOCKER);
    }
}
