package org.newsroom.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * read: {@code GET /api/v1/articles/{id}} of a published article by anonymous readers, 32 connections; baseline nginx
 * (one worker) serving the same bytes as a static file, with the same load generator.
 */
public final class ReadScenario implements Scenario {

    static final String SEED = "03-2024-12-pujiang-ai-conference.json";

    @Override
    public String name() {
        return "read";
    }

    @Override
    public void run(BenchContext context, ScenarioResult result) {
        NewsroomApi api = context.api();
        context.progress("read: publishing " + SEED + " (submit, approve, issue, publish)");
        String id = api.submit(context.seed(SEED));
        api.awaitStored(id, java.time.Duration.ofSeconds(120));
        String token = null;
        try {
            api.approve(id);
            api.publishOrFail(api.createIssue(List.of(id)));
        } catch (IllegalStateException e) {
            // Publishing needs article-service's editor endpoints; without them, read as staff and say so.
            token = api.editorToken();
            context.progress("read: publishing failed (" + NewsroomApi.abbreviate(e.getMessage()) + "); reading as an editor");
            result.note("**Publishing was not possible** (" + NewsroomApi.abbreviate(e.getMessage()) + "), so the article "
                    + "was read as an **editor** (bearer token verified on every request) instead of as an anonymous reader.");
        }
        String url = api.articlesUrl() + "/api/v1/articles/" + id;
        HttpResponse<byte[]> answer = api.getBytes(url, token);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + answer.statusCode() + ": " + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] body = answer.body();
        String contentType = answer.headers().firstValue("Content-Type").orElse("application/json");
        result.note((token == null ? "The article was published through the editor endpoints (approve transition, "
                + "`POST /api/v1/issues`, `POST /api/v1/issues/{id}/publish`); readers' requests carry no token. "
                : "") + "Response: "
                + body.length + " bytes, `" + contentType + "`"
                + answer.headers().firstValue("ETag").map(e -> ", ETag sent (wrk sends no If-None-Match)").orElse("") + ".");

        LoadSpec spec = new LoadSpec("GET", List.of(url),
                token == null ? java.util.Map.of() : java.util.Map.of("Authorization", "Bearer " + token), null,
                context.options().connections(), context.options().warmup(), context.options().duration());
        LoadGenerator generator = context.generatorFor(spec);
        context.progress("read: article-service with " + generator.name() + ", " + spec.connections() + " connections, "
                + spec.warmup().toSeconds() + " s warm-up + " + spec.duration().toSeconds() + " s");
        BenchContext.Measured measured = context.measure(name(), result, generator, spec, Map.of());
        LoadResult service = measured.load();
        CpuMeter.Usage serviceCpu = measured.cpu();
        double serviceCpuPerRequest = serviceCpu.of("article-service") / Math.max(1, service.requests());
        result.note("CPU during the measured run against article-service: "
                + serviceCpu.describe(service.requests(), "request") + ".");
        context.progress("read: " + service);
        result.note("article-service: " + service + ".");

        Optional<Path> nginxPath = NginxServer.find();
        LoadResult nginx = null;
        double nginxCpuPerRequest = Double.NaN;
        if (nginxPath.isPresent()) {
            String file = "article-" + id + ".json";
            try (NginxServer server = NginxServer.start(nginxPath.get(), file, body, contentType)) {
                LoadSpec baselineSpec = LoadSpec.get(server.url(file), spec.connections(), spec.warmup(), spec.duration());
                context.progress("read: nginx baseline (" + NginxServer.version(nginxPath.get()) + ", worker_processes 1)");
                BenchContext.Measured baseline = context.measure(name() + "-nginx", result, generator, baselineSpec,
                        Map.of("nginx", server.pid()));
                nginx = baseline.load();
                CpuMeter.Usage nginxCpu = baseline.cpu();
                nginxCpuPerRequest = nginxCpu.of("nginx") / Math.max(1, nginx.requests());
                result.note("CPU during the measured run against nginx: " + nginxCpu.describe(nginx.requests(), "request") + ".");
                context.progress("read: " + nginx);
                result.note("nginx (" + NginxServer.version(nginxPath.get()) + ", `worker_processes 1`, the same "
                        + body.length + " bytes as a static file): " + nginx + ".");
            }
        } else {
            result.note("nginx is not on the PATH (Debian package `nginx-light`): the nginx baseline was skipped.");
        }

        double rps = service.requestsPerSecond();
        String metric = "requests/s (" + spec.connections() + " conn." + (token == null ? ")" : ", as editor)");
        if (nginx != null) {
            double ratio = rps / nginx.requestsPerSecond();
            result.row(metric, Fmt.perSecond(rps), Fmt.perSecond(nginx.requestsPerSecond()) + " nginx",
                    Fmt.ratio(ratio) + " (target ≥ 0.50×)", Row.Verdict.of(ratio >= 0.5));
            result.row("CPU per request", Fmt.millis(1000 * serviceCpuPerRequest), Fmt.millis(1000 * nginxCpuPerRequest) + " nginx",
                    Fmt.ratio(serviceCpuPerRequest / nginxCpuPerRequest) + " as costly", Row.Verdict.INFO);
            result.row("p50 latency", Fmt.millis(service.latency().p50()), Fmt.millis(nginx.latency().p50()) + " nginx",
                    null, Row.Verdict.INFO);
            result.row("p99 latency", Fmt.millis(service.latency().p99()), Fmt.millis(nginx.latency().p99()) + " nginx",
                    null, Row.Verdict.INFO);
        } else {
            result.row(metric, Fmt.perSecond(rps), "no nginx", "target ≥ 0.50× nginx", Row.Verdict.SKIPPED);
            result.info("CPU per request", Fmt.millis(1000 * serviceCpuPerRequest));
            result.info("p50 latency", Fmt.millis(service.latency().p50()));
            result.info("p99 latency", Fmt.millis(service.latency().p99()));
        }
        if (service.unexpected() > 0 || service.errors() > 0) {
            result.note("article-service answered " + service.unexpected() + " non-2xx/3xx and had " + service.errors()
                    + " socket errors during the window.");
        }
        result.note("Load generator: " + generator.name() + " (same for both sides).");
    }
}
