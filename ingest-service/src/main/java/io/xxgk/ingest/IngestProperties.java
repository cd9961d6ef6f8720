package io.xxgk.ingest;

import io.xxgk.contract.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic       where accepted events go
 * @param partitions  partitions of that topic when ingest creates it
 * @param sendTimeout how long a request waits for Kafka's acknowledgement before answering 503
 * @param seedOrg     org of the token configured at start (the local stack's demo token)
 * @param seedToken   that token; blank for none
 */
@ConfigurationProperties("xxgk.ingest")
public record IngestProperties(
        @DefaultValue(Topics.EVENTS) String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("demo") String seedOrg,
        @DefaultValue("") String seedToken) {
}
