package org.newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Topics;
import org.newsroom.stack.test.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/** The embedded broker and database are real: records round-trip, the broker survives a restart, PostgreSQL stores UTF-8. */
class TestInfrastructureTest {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @Test
    void brokerAcknowledgesWithAcksAllAndKeepsRecordsAcrossARestart() throws Exception {
        String bootstrap = infrastructure.kafka().bootstrapServers();
        send(bootstrap, "徐汇报 第一条");
        infrastructure.kafka().stop();
        assertThat(Ports.isListening(infrastructure.kafka().port())).isFalse();
        infrastructure.kafka().start();
        send(bootstrap, "徐汇报 第二条");

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap, "group.id", "stack-test", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.SUBMISSIONS));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
                return values.size() >= 2;
            });
            assertThat(values).contains("徐汇报 第一条", "徐汇报 第二条");
        }
    }

    @Test
    void postgresStoresChineseTextInItsOwnDatabase() throws Exception {
        infrastructure.postgres().createDatabase("stack_test");
        infrastructure.postgres().createDatabase("stack_test");
        try (Connection connection = DriverManager.getConnection(infrastructure.postgres().jdbcUrl("stack_test"),
                PostgresServer.USER, PostgresServer.PASSWORD);
             ResultSet rows = connection.createStatement().executeQuery("select '记者 曹香玉 施昱辰'::text, current_setting('server_encoding')")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("记者 曹香玉 施昱辰");
            assertThat(rows.getString(2)).isEqualTo("UTF8");
        }
    }

    @Test
    void tokensCarryRolesAndAreSignedWithRs256() {
        String token = infrastructure.token("editor", "王编辑");
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"groups\":[\"editor\"]").contains("\"upn\":\"王编辑\"").contains("\"iss\":\"newsroom\"");
    }

    private static void send(String bootstrap, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", "true"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.SUBMISSIONS, "k", value)).get(30, TimeUnit.SECONDS);
        }
    }
}
