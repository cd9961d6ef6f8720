package io.xxgk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xxgk.registry.DashboardUser.Role;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DashboardUserTest {

    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuCqGGd2Nh1Nv8Jw3K5k6Ey3bQ3vOFxLC";

    @Test
    void rolesIncludeTheOnesBeforeThemButOnlyProvinceSeesOtherOrgs() {
        assertThat(Role.ADMIN.includes(Role.WRITER)).isTrue();
        assertThat(Role.WRITER.includes(Role.LEADER)).isTrue();
        assertThat(Role.LEADER.includes(Role.WRITER)).isFalse();
        assertThat(Role.ADMIN.includes(Role.PROVINCE)).isFalse();
        assertThat(Role.PROVINCE.includes(Role.WRITER)).isTrue();
        assertThat(Role.PROVINCE.includes(Role.PROVINCE)).isTrue();
    }

    @Test
    void aUserBelongsToOneOrgUnlessProvince() {
        assertThatThrownBy(() -> new DashboardUser("a", HASH, Role.LEADER, null, true, Instant.EPOCH)).hasMessageContaining("one org");
        assertThatThrownBy(() -> new DashboardUser("a", HASH, Role.PROVINCE, "demo", true, Instant.EPOCH)).hasMessageContaining("belongs to none");
        assertThat(new DashboardUser("a", HASH, Role.PROVINCE, null, true, Instant.EPOCH).org()).isNull();
    }

    @Test
    void namesAndHashesAreChecked() {
        assertThatThrownBy(() -> new DashboardUser("Li Wei", HASH, Role.LEADER, "demo", true, Instant.EPOCH)).hasMessageContaining("user name");
        assertThatThrownBy(() -> new DashboardUser("li", "secret", Role.LEADER, "demo", true, Instant.EPOCH)).hasMessageContaining("bcrypt");
    }
}
