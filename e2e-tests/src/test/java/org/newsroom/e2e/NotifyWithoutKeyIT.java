package org.newsroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.newsroom.stack.LocalStack;
import org.newsroom.stack.Ports;
import org.newsroom.stack.StackConfig;

/**
 * The packaged notify-service, started in its production profile with everything but its secret encryption key
 * (the stack's real PostgreSQL, a Kafka address where nothing listens), refuses to start and says why.
 */
class NotifyWithoutKeyIT {

    @Test
    void withoutItsEncryptionKeyNotifyServiceFailsAtStartWithAClearMessage() throws Exception {
        LocalStack stack = E2eStack.get();
        StackConfig config = stack.config();
        Path jar = E2eStack.projectDir().resolve("notify-service/target/quarkus-app/quarkus-run.jar");
        Path output = Files.createTempFile("notify-without-key-", ".log");
        String jdbcUrl = config.externalPostgresUrl() != null
                ? config.externalPostgresUrl().replaceAll("/+$", "") + "/" + LocalStack.NOTIFY_DATABASE
                : stack.postgres().jdbcUrl(LocalStack.NOTIFY_DATABASE);
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("NEWSROOM_") || key.startsWith("QUARKUS_"));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(Ports.free()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", config.postgresUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", config.postgresPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + Ports.free());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", config.home().resolve("jwt/public.pem").toString());
        env.put("QUARKUS_MAILER_MOCK", "true");
        Process process = builder.start();
        try {
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("notify-service ended by itself").isTrue();
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(log).isNotZero();
            assertThat(log).contains("NEWSROOM_NOTIFY_SECRET_ENCRYPTION_KEY").contains("does not start without the key")
                    .doesNotContain("Listening on");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
