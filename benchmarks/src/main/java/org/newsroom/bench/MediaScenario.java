package org.newsroom.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.newsroom.stack.LocalStack;
import org.newsroom.stack.Poll;
import org.newsroom.stack.test.TestPhotos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * media: uploads of a 12-megapixel JPEG (4000 × 3000, Chinese IPTC, GPS) to media-service from 4 connections, then
 * the renditions made through Kafka until every photo is ready. Baseline, in this JVM on one thread: the JDK's own
 * decode, scale and JPEG encode of the same photo to the same widths — what making a rendition costs at least.
 */
public final class MediaScenario implements Scenario {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WIDTH = 4000;
    private static final int HEIGHT = 3000;
    private static final int[] RENDITION_WIDTHS = {320, 640, 1280, 2048};
    private static final int CONNECTIONS = 4;

    @Override
    public String name() {
        return "media";
    }

    @Override
    public void run(BenchContext context, ScenarioResult result) throws Exception {
        int photos = context.options().mediaPhotos();
        String media = context.stack().service(LocalStack.MEDIA).url();
        byte[] jpeg = TestPhotos.chineseIptcJpeg(WIDTH, HEIGHT, TestPhotos.CAPTION);
        context.progress("media: " + photos + " uploads of a " + WIDTH + "×" + HEIGHT + " JPEG ("
                + Fmt.count(jpeg.length) + " bytes) to " + media);
        double baseline = baselineRenditionsPerSecond(jpeg);
        context.progress("media: baseline (JDK decode + scale + encode, one thread) " + Fmt.perSecond(baseline) + " renditions");

        String token = context.api().reporterToken();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Profiler.Session profile = context.profiler().start(name());
        CpuMeter.Snapshot cpu0 = CpuMeter.take(context.stack());
        long t0 = System.nanoTime();
        List<String> ids = upload(http, media, token, jpeg, photos);
        double uploadSeconds = (System.nanoTime() - t0) / 1e9;
        context.progress("media: " + ids.size() + " uploaded in " + Fmt.seconds(uploadSeconds) + "; waiting for renditions");
        Poll.until(Duration.ofSeconds(1800), Duration.ofMillis(500), () -> ready(context, media, token, ids));
        double allSeconds = (System.nanoTime() - t0) / 1e9;
        CpuMeter.Usage cpu = cpu0.until(CpuMeter.take(context.stack()));
        profile.stop(result);

        long renditions = (long) ids.size() * RENDITION_WIDTHS.length;
        double uploadsPerSecond = ids.size() / uploadSeconds;
        double renditionsPerSecond = renditions / allSeconds;
        double mediaCpu = cpu.of("media-service");
        result.row("uploads/s (12 MP JPEG, " + CONNECTIONS + " connections)", Fmt.perSecond(uploadsPerSecond), null, null,
                Row.Verdict.INFO);
        result.row("renditions/s, upload to last rendition", Fmt.perSecond(renditionsPerSecond),
                Fmt.perSecond(baseline) + " JDK, one thread", Fmt.ratio(renditionsPerSecond / baseline), Row.Verdict.INFO);
        result.row("CPU per rendition, media-service", Fmt.millis(1000 * mediaCpu / renditions),
                Fmt.millis(1000 / baseline) + " JDK", Fmt.ratio((mediaCpu / renditions) * baseline) + " as costly",
                Row.Verdict.INFO);
        result.note("Photos: " + ids.size() + " uploads of the same " + WIDTH + "×" + HEIGHT + " JPEG (" + Fmt.count(jpeg.length)
                + " bytes, IPTC caption and credit, EXIF GPS), each a new photo (no Idempotency-Key), "
                + CONNECTIONS + " at a time; renditions at " + java.util.Arrays.toString(RENDITION_WIDTHS)
                + " px; all ready " + Fmt.seconds(allSeconds) + " after the first upload began.");
        result.note("CPU from the first upload until every rendition was made: " + cpu.describe(renditions, "rendition") + ".");
    }

    private static List<String> upload(HttpClient http, String media, String token, byte[] jpeg, int photos)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<String>> uploads = new ArrayList<>();
            for (int i = 0; i < photos; i++) {
                uploads.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(media + "/api/v1/media"))
                            .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "image/jpeg")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("upload answered " + response.statusCode() + ": "
                                + NewsroomApi.abbreviate(response.body()));
                    }
                    return JSON.readTree(response.body()).get("id").asText();
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> upload : uploads) {
                ids.add(upload.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean ready(BenchContext context, String media, String token, List<String> ids) {
        for (String id : ids) {
            JsonNode photo = context.api().call("GET", media + "/api/v1/media/" + id, token, null, 200);
            if (!"ready".equals(photo.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** Renditions per second the JDK makes of this photo on one thread (decode once per photo, as media-service). */
    static double baselineRenditionsPerSecond(byte[] jpeg) throws IOException {
        int rounds = 3;
        long t0 = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            BufferedImage original = ImageIO.read(new ByteArrayInputStream(jpeg));
            for (int width : RENDITION_WIDTHS) {
                int height = (int) Math.round((double) original.getHeight() * width / original.getWidth());
                BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = scaled.createGraphics();
                g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                        java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(original, 0, 0, width, height, null);
                g.dispose();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(scaled, "jpg", out);
            }
        }
        return rounds * RENDITION_WIDTHS.length / ((System.nanoTime() - t0) / 1e9);
    }
}
