package org.newsroom.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code ./newsroom demo}: against a running local stack, a reporter submits the seed stories, an editor approves them,
 * assembles the seed front page into an issue and publishes it; a local webhook subscriber receives the alert.
 */
public final class DemoMain {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        Path projectDir = Path.of(System.getProperty("newsroom.project.dir", ".")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.fromEnvironment(projectDir, System.getenv());
        Path shared = Path.of(System.getProperty("newsroom.shared.dir", projectDir.resolve("../shared").toString()));
        JwtKeys keys = JwtKeys.loadOrCreate(config.home().resolve("jwt"));
        String reporter = keys.token("reporter", "曹香玉", Duration.ofHours(1));
        String editor = keys.token("editor", "总编辑", Duration.ofHours(1));
        String ingest = "http://127.0.0.1:" + config.ingestPort();
        String articles = "http://127.0.0.1:" + config.articlePort();
        String notify = "http://127.0.0.1:" + config.notifyPort();

        List<JsonNode> alerts = new CopyOnWriteArrayList<>();
        HttpServer receiver = webhookReceiver(alerts);
        String subscriptionId = null;
        String manageToken = null;
        try {
            String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/newsroom-alerts";
            JsonNode subscription = call("POST", notify + "/api/v1/subscriptions", null,
                    JSON.createObjectNode().put("channel", "webhook").put("endpoint", endpoint), 202);
            subscriptionId = subscription.path("id").asText();
            manageToken = subscription.path("manageToken").asText();
            OUT.println("1. subscribed a local webhook " + endpoint + " (status " + subscription.path("status").asText() + ")");
            // intent verification runs in notify-service's background workers: the POST answered "pending"
            String subscribed = subscriptionId;
            String token = manageToken;
            boolean active = Poll.until(Duration.ofSeconds(60), Duration.ofMillis(250),
                    () -> "active".equals(subscriptionStatus(notify + "/api/v1/subscriptions/" + subscribed, token)));
            OUT.println("   the webhook passed intent verification: " + (active ? "active" : "still pending after 60 s"));

            List<Path> seeds;
            try (Stream<Path> files = Files.list(shared.resolve("seed/articles"))) {
                seeds = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            Map<String, String> idsBySeedFile = new java.util.LinkedHashMap<>();
            for (Path seed : seeds) {
                JsonNode accepted = call("POST", ingest + "/api/v1/submissions", reporter,
                        JSON.readTree(Files.readAllBytes(seed)), 202);
                idsBySeedFile.put(seed.getFileName().toString(), accepted.get("id").asText());
                OUT.println("2. submitted " + seed.getFileName() + " -> " + accepted.get("id").asText());
            }
            for (String id : idsBySeedFile.values()) {
                boolean stored = Poll.until(Duration.ofSeconds(60), Duration.ofMillis(250),
                        () -> status("GET", articles + "/api/v1/articles/" + id, editor) == 200);
                if (!stored) {
                    throw new IllegalStateException("article " + id + " was not stored within 60 s");
                }
                call("POST", articles + "/api/v1/articles/" + id + "/transitions", editor,
                        JSON.createObjectNode().put("action", "approve").put("note", "demo: approved"), 200);
            }
            OUT.println("3. an editor approved " + idsBySeedFile.size() + " stories");

            JsonNode layout = JSON.readTree(Files.readAllBytes(shared.resolve("seed/issue-front-page.json")));
            ObjectNode issue = JSON.createObjectNode();
            issue.put("masthead", layout.get("masthead").asText());
            issue.put("number", (int) (System.currentTimeMillis() / 1000 % 1_000_000));
            issue.put("date", LocalDate.now().toString());
            issue.put("distributionNote", layout.get("distributionNote").asText());
            ArrayNode pages = issue.putArray("pages");
            List<Integer> pageNumbers = new ArrayList<>();
            for (JsonNode page : layout.get("pages")) {
                ObjectNode out = pages.addObject().put("number", page.get("number").asInt()).put("name", page.get("name").asText());
                pageNumbers.add(page.get("number").asInt());
                ArrayNode placements = out.putArray("placements");
                for (JsonNode placement : page.get("placements")) {
                    placements.addObject().put("articleId", idsBySeedFile.get(placement.get("article").asText()))
                            .put("order", placement.get("order").asInt());
                }
            }
            issue.set("teasers", layout.get("teasers"));
            JsonNode draft = call("POST", articles + "/api/v1/issues", editor, issue, 201);
            String issueId = draft.get("id").asText();
            OUT.println("4. assembled issue " + issue.get("masthead").asText() + " No. " + issue.get("number").asInt() + " -> " + issueId);

            HttpResponse<String> refused = send("POST", articles + "/api/v1/issues/" + issueId + "/publish", editor, null);
            if (refused.statusCode() == 409) {
                OUT.println("5. publishing refused as it should be: " + JSON.readTree(refused.body()).path("errors"));
                ArrayNode kept = JSON.createArrayNode();
                layout.get("teasers").forEach(t -> {
                    if (pageNumbers.contains(t.get("page").asInt())) {
                        kept.add(t);
                    }
                });
                issue.set("teasers", kept);
                call("PUT", articles + "/api/v1/issues/" + issueId, editor, issue, 200);
                OUT.println("   the seed teasers point to inner pages this one-page demo issue lacks; removed them");
                call("POST", articles + "/api/v1/issues/" + issueId + "/publish", editor, null, 200);
            } else if (refused.statusCode() != 200) {
                throw new IllegalStateException("publish answered " + refused.statusCode() + ": " + refused.body());
            }
            OUT.println("6. published");

            boolean alerted = Poll.until(Duration.ofSeconds(60), Duration.ofMillis(250), () -> !alerts.isEmpty());
            OUT.println();
            OUT.println("What readers see now (GET /api/v1/issues/" + issueId + ", no token):");
            JsonNode published = call("GET", articles + "/api/v1/issues/" + issueId, null, null, 200);
            OUT.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(published));
            JsonNode hits = call("GET", articles + "/api/v1/search?q=" + URLEncoder.encode("人工智能", StandardCharsets.UTF_8),
                    null, null, 200);
            OUT.println("Search 人工智能: " + hits.path("hits").size() + " hit(s)");
            hits.path("hits").forEach(h -> OUT.println("  " + h.path("headline").asText() + "  —  " + h.path("snippet").asText()));
            OUT.println();
            if (alerted) {
                OUT.println("The alert the local webhook subscriber got:");
                OUT.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(alerts.get(0)));
            } else {
                OUT.println("No webhook alert arrived within 60 s; see GET " + notify + "/api/v1/subscriptions/"
                        + subscription.path("id").asText() + "/deliveries");
                System.exit(1);
            }
        } finally {
            if (subscriptionId != null) {
                // The receiver goes away with the demo: so does its subscription.
                send("DELETE", notify + "/api/v1/subscriptions/" + subscriptionId, manageToken, null);
            }
            receiver.stop(0);
        }
    }

    private static HttpServer webhookReceiver(List<JsonNode> alerts) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/newsroom-alerts", exchange -> {
            byte[] answer = new byte[0];
            if ("GET".equals(exchange.getRequestMethod())) {
                String query = exchange.getRequestURI().getRawQuery();
                String challenge = query == null ? "" : Stream.of(query.split("&"))
                        .filter(p -> p.startsWith("challenge=")).map(p -> p.substring("challenge=".length()))
                        .map(v -> java.net.URLDecoder.decode(v, StandardCharsets.UTF_8)).findFirst().orElse("");
                answer = challenge.getBytes(StandardCharsets.UTF_8);
            } else {
                ObjectNode alert = JSON.createObjectNode();
                alert.put("webhook-id", exchange.getRequestHeaders().getFirst("webhook-id"));
                alert.put("webhook-timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"));
                alert.put("webhook-signature", exchange.getRequestHeaders().getFirst("webhook-signature"));
                alert.set("body", JSON.readTree(exchange.getRequestBody().readAllBytes()));
                alerts.add(alert);
            }
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private static JsonNode call(String method, String url, String token, JsonNode body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, url, token, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** The {@code status} of a subscription read with its manage token, or null when it cannot be read now. */
    private static String subscriptionStatus(String url, String manageToken) {
        try {
            HttpResponse<String> response = send("GET", url, manageToken, null);
            return response.statusCode() == 200 ? JSON.readTree(response.body()).path("status").asText() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int status(String method, String url, String token) {
        try {
            return send(method, url, token, null).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static HttpResponse<String> send(String method, String url, String token, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null || "POST".equals(method)) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(body == null ? JSON.createObjectNode() : body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
