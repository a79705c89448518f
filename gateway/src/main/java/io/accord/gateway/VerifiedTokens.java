package io.accord.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;

/**
 * Bearer tokens quarkus-oidc has already verified (issuer, signature, expiry, audience), so the
 * same token is not verified again on every call: a client's next calls with that token skip
 * signature verification until the token expires, or until {@code max-age} has passed, whichever
 * comes first. The whole token is the key, compared in full.
 *
 * <p>Equivalent to verifying every time, because a JWT cannot change and the gateway does not ask
 * Keycloak about revocation either way; {@code max-age} bounds how long a token signed with a key
 * the realm has since dropped keeps passing.
 */
final class VerifiedTokens {

    /** What the gateway needs of a verified token: who is calling (rate limits) and until when. */
    record Verified(String client, long expiresAtMillis) {
    }

    /**
     * A token as cache key: hashed over its last characters (the signature, random by nature) rather
     * than all of its kilobyte or two, compared in full.
     */
    private static final class Key {
        private final String token;
        private final int hash;

        Key(String token) {
            this.token = token;
            int h = token.length();
            for (int i = Math.max(0, token.length() - 48); i < token.length(); i++) {
                h = 31 * h + token.charAt(i);
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && key.token.equals(token);
        }
    }

    private final long maxAgeMillis;
    private final Cache<Key, Verified> cache;

    VerifiedTokens(Duration maxAge, long maxSize) {
        this.maxAgeMillis = maxAge.toMillis();
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(new Expiry<Key, Verified>() {
                    @Override
                    public long expireAfterCreate(Key token, Verified verified, long now) {
                        return Math.max(0, verified.expiresAtMillis() - System.currentTimeMillis()) * 1_000_000L;
                    }

                    @Override
                    public long expireAfterUpdate(Key token, Verified verified, long now, long current) {
                        return expireAfterCreate(token, verified, now);
                    }

                    @Override
                    public long expireAfterRead(Key token, Verified verified, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    boolean enabled() {
        return maxAgeMillis > 0;
    }

    /** The verified caller of {@code token}, or {@code null} when it must be verified. */
    Verified lookup(String token) {
        if (!enabled()) {
            return null;
        }
        Verified verified = cache.getIfPresent(new Key(token));
        if (verified == null || verified.expiresAtMillis() <= System.currentTimeMillis()) {
            return null;
        }
        return verified;
    }

    /** Remembers a token quarkus-oidc accepted; {@code expiresAtSeconds} is its {@code exp}. */
    void remember(String token, String client, long expiresAtSeconds) {
        if (!enabled() || expiresAtSeconds <= 0) {
            return;
        }
        long until = Math.min(expiresAtSeconds * 1000L, System.currentTimeMillis() + maxAgeMillis);
        if (until > System.currentTimeMillis()) {
            cache.put(new Key(token), new Verified(client, until));
        }
    }
}
