package io.xxgk.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * An adapter's credential: it belongs to one org and may write the listed channels. Only a hash of
 * its secret is stored. The token an adapter sends is {@code xxgk_<id>_<secret>}: the id finds the
 * record, the secret is checked against the hash in constant time.
 *
 * @param id         public part, shown in listings and logs
 * @param org        the org it writes for
 * @param channels   channels it may write
 * @param secretHash SHA-256 of the secret, hex (the secret is 256 random bits: a slow hash adds nothing)
 * @param label      what it is for (e.g. the adapter's name)
 * @param createdAt  when it was issued
 * @param revokedAt  when it was revoked, or null
 */
public record ApiToken(String id, String org, Set<String> channels, String secretHash, String label,
                       Instant createdAt, Instant revokedAt) implements RegistryRecord {

    private static final String PREFIX = "xxgk_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] NO_MATCH = sha256("no token has this secret");

    public ApiToken {
        channels = Set.copyOf(channels);
    }

    /** A new token and the one string to hand to the adapter; the string is not kept anywhere. */
    public record Issued(ApiToken token, String bearer) {
    }

    public static Issued issue(String org, Set<String> channels, String label, Instant now) {
        byte[] idBytes = new byte[6];
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(idBytes);
        RANDOM.nextBytes(secretBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiToken token = new ApiToken(id, org, channels, HexFormat.of().formatHex(sha256(secret)), label, now, null);
        return new Issued(token, PREFIX + id + "_" + secret);
    }

    /**
     * The record of a bearer string issued earlier, e.g. the local stack's demo token kept in
     * stack.env, so the registry can be seeded again from it.
     */
    public static ApiToken forBearer(String bearer, String org, Set<String> channels, String label, Instant createdAt) {
        String id = idOf(bearer).orElseThrow(() -> new IllegalArgumentException("not an xxgk token"));
        String secret = bearer.substring(PREFIX.length() + id.length() + 1);
        return new ApiToken(id, org, channels, HexFormat.of().formatHex(sha256(secret)), label, createdAt, null);
    }

    /** The id part of a bearer string, if it has the token's shape. */
    public static Optional<String> idOf(String bearer) {
        if (bearer == null || !bearer.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int sep = bearer.indexOf('_', PREFIX.length());
        return sep < 0 ? Optional.empty() : Optional.of(bearer.substring(PREFIX.length(), sep));
    }

    /** Whether {@code bearer} is this token and it is not revoked. Constant time in the secret. */
    public boolean matches(String bearer) {
        return revokedAt == null && matchesSecret(this, bearer);
    }

    /** For an unknown id: the same work as a real comparison, so timing tells nothing. */
    public static boolean matchesNothing(String bearer) {
        MessageDigest.isEqual(NO_MATCH, sha256(bearer == null ? "" : bearer));
        return false;
    }

    public boolean mayWrite(String channel) {
        return channels.contains(channel);
    }

    public ApiToken revoked(Instant at) {
        return new ApiToken(id, org, channels, secretHash, label, createdAt, at);
    }

    private static boolean matchesSecret(ApiToken token, String bearer) {
        String prefix = PREFIX + token.id + "_";
        String secret = bearer != null && bearer.startsWith(prefix) ? bearer.substring(prefix.length()) : "";
        return MessageDigest.isEqual(HexFormat.of().parseHex(token.secretHash), sha256(secret));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
