package io.xxgk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The soak's short form: {@code ./xxgk soak --minutes 1} on a stack of its own. The hour-long run
 * is the README's; this one shows the command measures what it says: samples of every process's
 * memory and the backlog, every accepted event stored, the backlog drained.
 */
class SoakTest {

    @Test
    void aMinuteOfSteadyMixedLoadLosesNothingAndDrains() throws Exception {
        LocalStack.Run soak = LocalStack.onItsOwnStack(Duration.ofMinutes(6), "soak", "--minutes", "1", "--rate", "1000");

        List<String> lines = soak.output().lines().toList();
        assertThat(soak.exitCode()).as(soak.output()).isZero();
        assertThat(lines).as(soak.output())
                .anySatisfy(l -> assertThat(l).contains("RSS MiB: ingest / aggregator / dashboard / kafka / clickhouse"))
                .as("a sample: minutes, accepted, refused, failed, backlog, then five positive RSS figures")
                .anySatisfy(l -> assertThat(l).matches(" *1\\.0 +\\d+ +\\d+ +\\d+ +\\d+ +[1-9]\\d* / [1-9]\\d* / [1-9]\\d* / [1-9]\\d* / [1-9]\\d*"))
                .anySatisfy(l -> assertThat(l).startsWith("the leader's report: "));
        Matcher last = Pattern.compile("soak_minutes=1 rate=1000 accepted=(\\d+) lost=0 backlog_max=\\d+ backlog_end=0 .* alive=true ok=true")
                .matcher(lines.getLast());
        assertThat(last.matches()).as(soak.output()).isTrue();
        assertThat(Long.parseLong(last.group(1))).as("most of 60 000 offered events accepted").isGreaterThan(30_000);
    }
}
