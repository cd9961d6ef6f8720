package io.xxgk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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
        LocalStack.Run chaos = LocalStack.onItsOwnStack(Duration.ofMinutes(10), "chaos", "--short", "--aggregators", "2");
        String output = chaos.output();

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
        assertThat(chaos.exitCode()).as(output).isZero();
    }
}
