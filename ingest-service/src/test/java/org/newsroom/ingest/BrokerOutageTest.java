package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.newsroom.ingest.Ingest.SUBMISSIONS;
import static org.newsroom.ingest.Ingest.as;
import static org.newsroom.ingest.Ingest.utf8;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.newsroom.stack.KafkaBroker;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * When Kafka is down, a submission is answered 503 with Retry-After within about ten seconds (never hangs, never 202);
 * when Kafka is back, submissions succeed again without restarting the service.
 */
@QuarkusTest
@QuarkusTestResource(NewsroomTestResource.class)
@QuarkusTestResource(ArticleServiceStub.class)
class BrokerOutageTest {

    /** A functional bound (the configured wait is 9 s), not a performance assertion. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(15);

    @Test
    void brokerDownIs503WithRetryAfterAndTheServiceRecoversWhenItReturns() {
        String reporter = Ingest.uniqueReporter("曹香玉");
        KafkaBroker kafka = TestInfrastructure.get().kafka();
        as("reporter", reporter).contentType("application/json").body(utf8(Ingest.story("停机之前")))
                .when().post(SUBMISSIONS).then().statusCode(202);
        try {
            kafka.stop();

            long start = System.nanoTime();
            Response response = as("reporter", reporter).contentType("application/json")
                    .body(utf8(Ingest.story("停机期间"))).when().post(SUBMISSIONS);
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);

            Ingest.assertProblem(response, 503);
            assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
            assertThat(answeredIn).isLessThan(ANSWER_BOUND);

            // With an Idempotency-Key too: nothing is remembered for a story Kafka did not take.
            Response keyed = as("reporter", reporter).contentType("application/json")
                    .header("Idempotency-Key", "outage-" + reporter)
                    .body(utf8(Ingest.story("停机期间"))).when().post(SUBMISSIONS);
            Ingest.assertProblem(keyed, 503);

            RestAssured.given().get("/q/health/ready").then().statusCode(503);
        } finally {
            kafka.start();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                as("reporter", reporter).contentType("application/json").body(utf8(Ingest.story("恢复之后")))
                        .when().post(SUBMISSIONS).then().statusCode(202));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(Ingest::assertReady);

        // The keyed story that failed is accepted now, as new.
        as("reporter", reporter).contentType("application/json").header("Idempotency-Key", "outage-" + reporter)
                .body(utf8(Ingest.story("停机期间"))).when().post(SUBMISSIONS).then().statusCode(202);
    }
}
