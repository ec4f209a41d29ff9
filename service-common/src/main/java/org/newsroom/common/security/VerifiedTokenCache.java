package org.newsroom.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies each bearer token once: SmallRye JWT's own verification (RS256 signature, issuer, expiry), then the
 * verified principal is kept in a bounded cache keyed by the SHA-256 of the token, until the token's own {@code exp}
 * (or {@link #MAX_AGE}, whichever comes first) — never longer, so a cached token is never accepted after it expires.
 * A reporter's client sends the same token with every request; verifying its signature each time was about a third
 * of ingest-service's CPU per submission. A token that fails verification is not cached.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache extends JWTCallerPrincipalFactory {

    /** Longest time a verified token is kept, however distant its expiry. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Most tokens kept (about 2 KiB each). */
    static final int MAX_ENTRIES = 10_000;

    private final JWTCallerPrincipalFactory verifier;
    private final Clock clock;
    private final Cache<String, JWTCallerPrincipal> verified;

    public VerifiedTokenCache() {
        this(new DefaultJWTCallerPrincipalFactory(), Clock.systemUTC(), MAX_ENTRIES);
    }

    VerifiedTokenCache(JWTCallerPrincipalFactory verifier, Clock clock, int maxEntries) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maxEntries)
                .expireAfter(new UntilTokenExpiry(clock))
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        String key = sha256(token);
        JWTCallerPrincipal cached = verified.getIfPresent(key);
        if (cached != null && clock.millis() / 1000 < cached.getExpirationTime()) {
            return cached;
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        if (principal.getExpirationTime() > 0) {
            verified.put(key, principal);
        }
        return principal;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An entry lives until its token's {@code exp}, at most {@link #MAX_AGE}. */
    private record UntilTokenExpiry(Clock clock) implements Expiry<String, JWTCallerPrincipal> {

        @Override
        public long expireAfterCreate(String key, JWTCallerPrincipal principal, long currentTime) {
            long untilExpiry = principal.getExpirationTime() * 1000 - clock.millis();
            return Duration.ofMillis(Math.max(0, Math.min(untilExpiry, MAX_AGE.toMillis()))).toNanos();
        }

        @Override
        public long expireAfterUpdate(String key, JWTCallerPrincipal principal, long currentTime,
                long currentDuration) {
            return expireAfterCreate(key, principal, currentTime);
        }

        @Override
        public long expireAfterRead(String key, JWTCallerPrincipal principal, long currentTime,
                long currentDuration) {
            return currentDuration;
        }
    }
}
