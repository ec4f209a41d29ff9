package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.newsroom.stack.Ports;

/**
 * {@code ./newsroom up --detach}, {@code token} and {@code down} as a user runs them, with a fresh state directory
 * (no keys, no data yet) and ports of its own so that it never meets a developer's running stack.
 */
class NewsroomCommandIT {

    @Test
    void upDetachTokenAndDownWorkFromAFreshState() throws Exception {
        Path home = Files.createTempDirectory("newsroom-cli-");
        Map<String, String> env = new HashMap<>();
        env.put("NEWSROOM_HOME", home.toString());
        env.put("NEWSROOM_SKIP_BUILD", "1"); // the reactor has just built the jars; never nest a Maven build
        int ingestPort = Ports.free();
        int articlePort = Ports.free();
        int notifyPort = Ports.free();
        int kafkaPort = Ports.free();
        env.put("NEWSROOM_INGEST_PORT", Integer.toString(ingestPort));
        env.put("NEWSROOM_ARTICLE_PORT", Integer.toString(articlePort));
        env.put("NEWSROOM_NOTIFY_PORT", Integer.toString(notifyPort));
        env.put("NEWSROOM_KAFKA_PORT", Integer.toString(kafkaPort));
        env.put("NEWSROOM_POSTGRES_PORT", Integer.toString(Ports.free()));
        try {
            Result up = newsroom(env, 400, "up", "--detach");
            assertThat(up.exitCode()).as(up.output()).isZero();
            assertThat(up.output()).contains("newsroom is ready");
            Matcher kafkaLine = Pattern.compile("(?m)^.*kafka.*127\\.0\\.0\\.1:(\\d+).*$").matcher(up.output());
            assertThat(kafkaLine.find()).as(up.output()).isTrue();
            assertThat(Integer.parseInt(kafkaLine.group(1))).isEqualTo(kafkaPort);
            assertThat(up.output()).contains("127.0.0.1:" + ingestPort, "127.0.0.1:" + articlePort, "127.0.0.1:" + notifyPort);

            Result again = newsroom(env, 60, "up", "--detach");
            assertThat(again.exitCode()).as("a second stack on the same state is refused").isNotZero();

            Result token = newsroom(env, 60, "token", "editor", "王编辑");
            assertThat(token.exitCode()).as(token.output()).isZero();
            List<String> lines = token.output().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).hasSize(1);
            String bearer = lines.get(0).trim();
            assertThat(bearer).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

            given().baseUri("http://127.0.0.1:" + articlePort).auth().oauth2(bearer)
                    .get("/api/v1/articles").then().statusCode(200);
            given().baseUri("http://127.0.0.1:" + articlePort).auth().oauth2(bearer + "x")
                    .get("/api/v1/articles").then().statusCode(401);
            given().baseUri("http://127.0.0.1:" + ingestPort).get("/q/health/ready").then().statusCode(200);
            given().baseUri("http://127.0.0.1:" + notifyPort).get("/q/health/ready").then().statusCode(200);
            assertThat(Files.exists(home.resolve("jwt/public.pem"))).isTrue();

            Result down = newsroom(env, 180, "down");
            assertThat(down.exitCode()).as(down.output()).isZero();
            for (int port : new int[] {ingestPort, articlePort, notifyPort, kafkaPort}) {
                assertThat(Ports.isListening(port)).as("port " + port + " closed after down").isFalse();
            }
            assertThat(Files.exists(home.resolve("kafka"))).as("data kept").isTrue();

            Result purge = newsroom(env, 60, "down", "--purge");
            assertThat(purge.exitCode()).as(purge.output()).isZero();
            assertThat(Files.exists(home)).isFalse();
        } finally {
            newsroom(env, 180, "down", "--purge");
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result newsroom(Map<String, String> env, int timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        Path script = E2eStack.projectDir().resolve("newsroom");
        List<String> command = new java.util.ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("newsroom-cli-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(E2eStack.projectDir().toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        return new Result(process.isAlive() ? -1 : process.exitValue(), text);
    }
}
