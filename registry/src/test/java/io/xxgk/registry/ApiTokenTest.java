package io.xxgk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private final ApiToken.Issued issued = ApiToken.issue("demo", Set.of("website"), "cms", Instant.parse("2024-01-01T00:00:00Z"));

    @Test
    void theBearerMatchesItsTokenAndNothingElse() {
        ApiToken token = issued.token();
        String bearer = issued.bearer();

        assertThat(bearer).startsWith("xxgk_" + token.id() + "_");
        assertThat(token.matches(bearer)).isTrue();
        assertThat(token.matches(bearer + "x")).isFalse();
        assertThat(token.matches(bearer.substring(0, bearer.length() - 1))).isFalse();
        assertThat(token.matches("xxgk_" + token.id() + "_")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(ApiToken.issue("demo", Set.of(), "", Instant.now()).token().matches(bearer)).isFalse();
    }

    @Test
    void onlyAHashOfTheSecretIsKept() {
        // the secret is what follows xxgk_<id>_ (it may itself hold '_': base64url)
        String secret = issued.bearer().substring(("xxgk_" + issued.token().id() + "_").length());

        assertThat(issued.token().secretHash()).hasSize(64).doesNotContain(secret);
        assertThat(issued.token().toString()).doesNotContain(secret);
    }

    @Test
    void aRevokedTokenMatchesNoLonger() {
        assertThat(issued.token().revoked(Instant.now()).matches(issued.bearer())).isFalse();
    }

    @Test
    void theIdIsReadFromTheBearer() {
        assertThat(ApiToken.idOf(issued.bearer())).hasValue(issued.token().id());
        assertThat(ApiToken.idOf("Bearer x")).isEmpty();
        assertThat(ApiToken.idOf("xxgk_noseparator")).isEmpty();
        assertThat(ApiToken.idOf(null)).isEmpty();
    }

    @Test
    void aKnownBearerRebuildsTheSameRecord() {
        ApiToken rebuilt = ApiToken.forBearer(issued.bearer(), "demo", Set.of("website"), "cms", issued.token().createdAt());

        assertThat(rebuilt).isEqualTo(issued.token());
    }

    @Test
    void channelsAreWhatTheTokenMayWrite() {
        assertThat(issued.token().mayWrite("website")).isTrue();
        assertThat(issued.token().mayWrite("wechat")).isFalse();
    }
}
