package io.xxgk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import io.xxgk.contract.EventType;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import io.xxgk.testing.RealServers;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract's event types and the schema's rollups agree: every type that is not declared
 * stored-only feeds a rollup (else no report could show it), and no view names a type the
 * contract does not have (a typo would count nothing, silently).
 */
class RollupsReadEveryTypeTest {

    private static final Pattern TYPE = Pattern.compile("'(xxgk\\.[a-z.\\-]+)'");

    @Test
    void everyTypeButTheStoredOnlyFeedsARollupAndEveryTypeTheViewsNameExists() {
        String database = RealServers.uniqueName("types");
        ClickHouseProperties properties = new ClickHouseProperties(RealServers.get().clickhouseUrl(), database, "default", "");
        new ClickHouseMigrations(properties).migrate();
        Set<String> named = new TreeSet<>();
        try (Client clickHouse = ClickHouseClients.builder(properties).build()) {
            clickHouse.queryAll("SELECT as_select FROM system.tables WHERE database = {db:String} AND engine = 'MaterializedView'",
                    Map.of("db", database), null).forEach(r -> {
                        Matcher type = TYPE.matcher(r.getString("as_select"));
                        while (type.find()) {
                            named.add(type.group(1));
                        }
                    });
        }

        Set<String> contract = Arrays.stream(EventType.values()).map(EventType::type).collect(Collectors.toCollection(TreeSet::new));
        Set<String> reported = Arrays.stream(EventType.values()).filter(t -> !Rollups.STORED_ONLY.contains(t)).map(EventType::type)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(contract).as("types the views name").containsAll(named);
        assertThat(named).as("types that feed a rollup").containsAll(reported);
    }
}
