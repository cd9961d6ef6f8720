package io.xxgk.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The registry as a file, one record per line ({@code {"key":…,"record":{…}}}, sorted by key):
 * what {@code ./xxgk backup} writes and {@code ./xxgk restore} reads back. Records are the
 * topic's own JSON, so a dump reads back into what was written, password and token hashes included.
 */
public final class RegistryDump {

    private RegistryDump() {
    }

    public static void write(Registry registry, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (RegistryRecord record : registry.records().stream().sorted(Comparator.comparing(RegistryRecord::registryKey)).toList()) {
                ObjectNode line = RegistryTopic.JSON.createObjectNode();
                line.put("key", record.registryKey());
                line.set("record", RegistryTopic.JSON.readTree(RegistryTopic.encode(record)));
                out.write(RegistryTopic.JSON.writeValueAsString(line));
                out.newLine();
            }
        }
    }

    /**
     * Every record of the file, or an error naming the first line that is not one: a restore
     * writes nothing from a damaged dump.
     */
    public static List<RegistryRecord> read(Path file) throws IOException {
        List<RegistryRecord> records = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            try {
                JsonNode line = RegistryTopic.JSON.readTree(lines.get(n));
                String key = line.path("key").asText("");
                RegistryRecord record = RegistryTopic.decode(key, RegistryTopic.JSON.writeValueAsBytes(line.path("record")));
                if (!record.registryKey().equals(key)) {
                    throw new IOException("the record's key is " + record.registryKey() + ", not " + key);
                }
                records.add(record);
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException(file + ":" + (n + 1) + ": not a registry record: " + e.getMessage(), e);
            }
        }
        return records;
    }
}
