package io.xxgk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry written to a file and read back is the same registry; a damaged file is refused whole. */
class RegistryDumpTest {

    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenReadsBackRecordForRecord() throws IOException {
        Registry registry = new Registry();
        Org org = Org.withDefaultChannels("uni-a", "甲大学");
        registry.apply(org);
        registry.apply(ApiToken.issue("uni-a", Set.of("website", "wechat"), "CMS", AT).token());
        registry.apply(RegistryChange.of(org, Optional.empty(), "./xxgk (root)", AT));
        Path file = dir.resolve("registry.jsonl");

        RegistryDump.write(registry, file);

        assertThat(Files.readAllLines(file)).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("{\"key\":"));
        assertThat(RegistryDump.read(file)).containsExactlyInAnyOrderElementsOf(registry.records());
    }

    @Test
    void aLineThatIsNotARecordIsNamed() throws IOException {
        Registry registry = new Registry();
        registry.apply(Org.withDefaultChannels("uni-a", "甲大学"));
        Path file = dir.resolve("registry.jsonl");
        RegistryDump.write(registry, file);
        Files.write(file, List.of(Files.readString(file).strip(), "{\"key\":\"planet/mars\",\"record\":{}}"));

        assertThatThrownBy(() -> RegistryDump.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("registry.jsonl:2: not a registry record: unknown registry key planet/mars");
    }
}
