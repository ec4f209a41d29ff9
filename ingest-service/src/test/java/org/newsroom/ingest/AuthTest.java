package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.ingest.Ingest.SUBMISSIONS;
import static org.newsroom.ingest.Ingest.anonymous;
import static org.newsroom.ingest.Ingest.utf8;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newsroom.common.security.VerifiedTokenCache;
import org.newsroom.stack.JwtKeys;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;

/** Only reporters, editors and admins with a valid token may submit; everyone else gets 401 or 403 as problem+json. */
@QuarkusTest
@QuarkusTestResource(NewsroomTestResource.class)
@QuarkusTestResource(ArticleServiceStub.class)
class AuthTest {

    private static final TopicReader topic = TopicReader.submissions();

    @Inject
    JWTCallerPrincipalFactory principals;

    @Test
    void withoutATokenItIs401() {
        assertRefused(null, 401);
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        assertRefused(JwtKeys.generate().token("reporter", "冒名者", Duration.ofHours(1)), 401);
    }

    @Test
    void anExpiredTokenIs401() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", JwtKeys.ISSUER);
        claims.put("upn", "曹香玉");
        claims.put("groups", List.of("reporter"));
        claims.put("iat", Instant.now().minus(Duration.ofHours(3)).getEpochSecond());
        claims.put("exp", Instant.now().minus(Duration.ofHours(2)).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        assertRefused(TestInfrastructure.get().keys().sign(claims), 401);
    }

    @Test
    void tokensAreVerifiedOnceThroughTheBoundedCacheOfVerifiedTokens() {
        assertThat(principals).isInstanceOf(VerifiedTokenCache.class);
        // a token verified and cached stays refused once it is forged: the cache is keyed by the whole token
        String token = TestInfrastructure.get().token("reporter", "曹香玉");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertRefused(forged, 401);
    }

    @Test
    void aTokenThatIsNotAJwtIs401() {
        assertRefused("not.a.jwt", 401);
    }

    @Test
    void aReaderIs403() {
        assertRefused(Ingest.token("reader", "读者"), 403);
    }

    @Test
    void anUnknownRoleIs403() {
        assertRefused(Ingest.token("intern", "实习生"), 403);
    }

    @Test
    void revisionsNeedARoleToo() {
        Map<TopicPartition, Long> mark = topic.mark();
        Response response = anonymous().auth().oauth2(Ingest.token("reader", "读者"))
                .contentType("application/json").body(utf8(Ingest.story("甲")))
                .when().put(SUBMISSIONS + "/" + UUID.randomUUID());
        Ingest.assertProblem(response, 403);
        assertThat(topic.since(mark)).isEmpty();
    }

    @Test
    void anAdminMaySubmit() {
        anonymous().auth().oauth2(Ingest.token("admin", Ingest.uniqueReporter("管理员")))
                .contentType("application/json").body(utf8(Ingest.story("管理员的稿件")))
                .when().post(SUBMISSIONS)
                .then().statusCode(202);
    }

    private static void assertRefused(String token, int status) {
        Map<TopicPartition, Long> mark = topic.mark();
        var request = anonymous().contentType("application/json").body(utf8(Ingest.story("甲")));
        if (token != null) {
            request.auth().oauth2(token);
        }

        Response response = request.when().post(SUBMISSIONS);

        Ingest.assertProblem(response, status);
        if (status == 401) {
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(topic.since(mark)).isEmpty();
        Ingest.assertReady();
    }
}
