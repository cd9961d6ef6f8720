package io.xxgk.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The pinned versions of the servers, copied by the build from the parent pom. */
public record Versions(String chdbPackage, String chdbVersion, String kafkaImage, String clickhouseImage, String clickhouseKeeperImage) {

    public static Versions load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Versions(p.getProperty("chdb.package"), p.getProperty("chdb.version"),
                p.getProperty("kafka.image"), p.getProperty("clickhouse.image"), p.getProperty("clickhouse-keeper.image"));
    }
}
