package io.xxgk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.xxgk.stack.StackKeys;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The backup drill: a stack with the demo's two years, registry changes and a writer's draft is
 * backed up with {@code ./xxgk backup}, stopped, and restored with {@code ./xxgk restore} into a
 * new stack (its own Kafka and ClickHouse): every report and registry read is the same, the old
 * tokens work, and an event sent after the restore counts (the old cluster's offsets are not
 * taken for the new one's).
 */
class BackupRestoreTest {

    private static final LocalStack ORIGINAL = new LocalStack();
    private static final LocalStack RESTORED = new LocalStack();

    @Test
    void aRestoreIntoANewStackGivesTheSameReportsAndKeepsCounting() throws Exception {
        assertThat(ORIGINAL.xxgk("demo").exitCode()).isZero();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(ORIGINAL.xxgk("channel", "add", "--org", "demo", "--id", "law-school", "--name", "法学院网站", "--kind", "website")
                .exitCode()).isZero();
        String token = ORIGINAL.xxgk("token", "create", "--org", "demo", "--channels", "website,law-school").output().strip().lines()
                .toList().getLast();
        String draft = "/api/v1/orgs/demo/annual-report?year=" + (year - 1);
        Matcher version = Pattern.compile("\"version\":(\\d+)").matcher(read(ORIGINAL, draft));
        assertThat(version.find()).isTrue();
        HttpResponse<String> saved = ORIGINAL.dashboardPut(draft,
                "{\"version\":" + version.group(1) + ",\"sections\":[{\"id\":\"overview\",\"text\":\"备份演练：本年度概述由撰稿人写成。\"}]}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        List<String> reads = List.of(
                "/api/v1/orgs/demo/report?numbers=exact&year=" + (year - 1),
                "/api/v1/orgs/demo/report?year=" + year,
                "/api/v1/orgs/demo/report?academicYear=" + (year - 1),
                "/api/v1/province/report?year=" + (year - 1),
                draft,
                "/api/v1/orgs/demo/report-template",
                "/api/v1/orgs/demo/checklist",
                "/api/v1/orgs/demo/channels",
                "/api/v1/orgs/demo/changes");
        Map<String, String> before = new LinkedHashMap<>();
        for (String path : reads) {
            before.put(path, read(ORIGINAL, path));
        }
        assertThat(before.get(draft)).contains("备份演练");
        Path backup = ORIGINAL.state().resolve("backup");

        LocalStack.Run backedUp = ORIGINAL.xxgk("backup", backup.toString());

        assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
        assertThat(backedUp.output()).containsPattern("backed up \\d+ events and \\d+ registry records");
        assertThat(ORIGINAL.xxgk("down").exitCode()).isZero();

        LocalStack.Run restored = RESTORED.xxgk("restore", backup.toString());

        assertThat(restored.exitCode()).as(restored.output()).isZero();
        assertThat(restored.output()).contains("the offsets it recorded were of another Kafka cluster and are forgotten");
        for (String path : reads) {
            assertThat(read(RESTORED, path)).as(path).isEqualTo(before.get(path));
        }
        // the tokens came back; what is sent now is counted: new offsets are not mistaken for stored ones
        for (String bearer : List.of(ORIGINAL.env().get(StackKeys.DEMO_TOKEN), token)) {
            assertThat(RESTORED.postItem(bearer, "website").statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> RESTORED.events(events -> events.distinctEvents("demo", "/system-test")) == 2);

        LocalStack.Run again = RESTORED.xxgk("restore", backup.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("ClickHouse already holds", "a restore goes into a stack without events");
        assertThat(RESTORED.xxgk("status").exitCode()).as("a refused restore leaves the stack running").isZero();
    }

    private static String read(LocalStack stack, String path) throws Exception {
        HttpResponse<String> reply = stack.dashboardGet(path, stack.env().get(StackKeys.DASHBOARD_USER),
                stack.env().get(StackKeys.DASHBOARD_PASSWORD));
        assertThat(reply.statusCode()).as(path + ": " + reply.body()).isEqualTo(200);
        return reply.body();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        ORIGINAL.close();
        RESTORED.close();
    }
}
