package org.newsroom.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-08T03:00:00Z");

    /** Stands in for SmallRye's verifier: counts the verifications, accepts tokens named "valid-…" only. */
    private static final class CountingVerifier extends JWTCallerPrincipalFactory {
        final List<String> verified = new ArrayList<>();
        long expiresAt = NOW.plus(Duration.ofHours(1)).getEpochSecond();

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
            verified.add(token);
            if (!token.startsWith("valid-")) {
                throw new ParseException("bad signature");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject(token);
            claims.setExpirationTime(NumericDate.fromSeconds(expiresAt));
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aTokenIsVerifiedOnceAndThenServedFromTheCache() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, new MovableClock(), 100);
        JWTCallerPrincipal first = cache.parse("valid-a", null);
        JWTCallerPrincipal second = cache.parse("valid-a", null);
        assertThat(second).isSameAs(first);
        cache.parse("valid-b", null);
        assertThat(verifier.verified).containsExactly("valid-a", "valid-b");
    }

    @Test
    void aCachedTokenIsVerifiedAgainOnceItHasExpiredAndAfterTheMaximumAge() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        MovableClock clock = new MovableClock();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, 100);
        verifier.expiresAt = NOW.plusSeconds(60).getEpochSecond();
        cache.parse("valid-short", null);
        clock.now = NOW.plusSeconds(60);
        cache.parse("valid-short", null);
        assertThat(verifier.verified).as("at its exp the token is not served from the cache")
                .containsExactly("valid-short", "valid-short");

        verifier.expiresAt = NOW.plus(Duration.ofDays(1)).getEpochSecond();
        cache.parse("valid-long", null);
        clock.now = clock.now.plus(VerifiedTokenCache.MAX_AGE).plusSeconds(1);
        cache.parse("valid-long", null);
        assertThat(verifier.verified).endsWith("valid-long", "valid-long");
    }

    @Test
    void aTokenThatFailsVerificationIsNeverCached() {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, new MovableClock(), 100);
        assertThatThrownBy(() -> cache.parse("forged", null)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> cache.parse("forged", null)).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).containsExactly("forged", "forged");
    }
}
