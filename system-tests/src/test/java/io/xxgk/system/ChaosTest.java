package io.xxgk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's short form, as CI runs it: {@code ./xxgk chaos --short --aggregators 2} on a
 * stack of its own (two aggregators in one group, each killed once, one stopped past its session
 * timeout and resumed, the broker restarted, ClickHouse stopped, everything re-sent three times,
 * 1000 fuzzed requests, then 3× ingest's measured capacity for 10 s, each request once) must end
 * with nothing lost, nothing doubled, no server error and nothing of a refused request stored, with
 * no repair run.
 */
class ChaosTest {

    @Test
    void nothingIsLostOrDoubledAndBadInputGetsNoServerError() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(LocalStack.REPO.resolve("xxgk").toString(), "chaos", "--short", "--aggregators", "2")
                .directory(LocalStack.REPO.toFile()).redirectErrorStream(true);
        builder.environment().put("XXGK_SKIP_BUILD", "1");
        Process chaos = builder.start();
        String output = new String(chaos.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(chaos.waitFor(10, TimeUnit.MINUTES)).as("./xxgk chaos --short finished").isTrue();

        List<String> lines = output.lines().toList();
        assertThat(lines).as(output).isNotEmpty();
        assertThat(lines.getLast()).as(output).isEqualTo("lost=0 doubled=0 server_errors=0");
        assertThat(lines).as(output)
                .anySatisfy(l -> assertThat(l).matches(" *accepted at least once +3000"))
                .anySatisfy(l -> assertThat(l).matches(" *counted in the reports' rollup +3000"))
                .anySatisfy(l -> assertThat(l).matches(" *fuzzed \\(bad input\\) +1000"))
                .anySatisfy(l -> assertThat(l).matches(" *answered in all +1000"))
                .anySatisfy(l -> assertThat(l).matches(" *events of refused requests stored +0"))
                .as("past capacity: every accepted event counted once, nothing of a refused request stored")
                .anySatisfy(l -> assertThat(l).matches(" *events of accepted requests lost / doubled +0 / 0"))
                .anySatisfy(l -> assertThat(l).contains("offered 3× the measured capacity"))
                .anySatisfy(l -> assertThat(l).contains("aggregator killed (SIGKILL"))
                .anySatisfy(l -> assertThat(l).contains("aggregator2 killed (SIGKILL"))
                .anySatisfy(l -> assertThat(l).contains("past its session timeout, and resumed: a zombie"))
                .anySatisfy(l -> assertThat(l).contains("broker stopped and started again"))
                .anySatisfy(l -> assertThat(l).contains("ClickHouse started again"))
                .as("counted once the re-sent copies were consumed too")
                .anySatisfy(l -> assertThat(l).contains("the aggregator has consumed the whole events topic"));
        assertThat(chaos.exitValue()).as(output).isZero();
    }
}
