package io.xxgk.ingest.auth;

import io.xxgk.registry.ApiToken;
import io.xxgk.registry.Org;

/** Who is sending: a valid token and the org it belongs to. */
public record Adapter(ApiToken token, Org org) {
}
