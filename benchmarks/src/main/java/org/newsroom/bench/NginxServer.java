package org.newsroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.newsroom.stack.Poll;
import org.newsroom.stack.Ports;

/**
 * The read baseline: nginx with one worker on a free 127.0.0.1 port serving one static file, the very bytes the
 * article-service answers. Used only when nginx is installed.
 */
public final class NginxServer implements AutoCloseable {

    private final Path executable;
    private final Path dir;
    private final int port;
    private Process process;

    private NginxServer(Path executable, Path dir, int port) {
        this.executable = executable;
        this.dir = dir;
        this.port = port;
    }

    /** nginx from the PATH, if it is there. */
    public static Optional<Path> find() {
        return Tools.onPath("nginx");
    }

    public static String version(Path executable) {
        return Tools.output(List.of(executable.toString(), "-v"), 10).replaceAll("^.*nginx/", "nginx ").trim();
    }

    /** Starts nginx serving {@code body} as {@code contentType} at {@code /<fileName>}. */
    public static NginxServer start(Path executable, String fileName, byte[] body, String contentType) {
        try {
            Path dir = Files.createTempDirectory("newsroom-bench-nginx-");
            Path www = Files.createDirectories(dir.resolve("www"));
            // nginx workers may run as another user: the files must be readable by everyone.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(www, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path file = www.resolve(fileName);
            Files.write(file, body);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            int port = Ports.free();
            Files.writeString(dir.resolve("nginx.conf"), config(dir, port, contentType), StandardCharsets.UTF_8);
            NginxServer server = new NginxServer(executable, dir, port);
            server.process = new ProcessBuilder(executable.toString(), "-p", dir.toString(), "-c",
                    dir.resolve("nginx.conf").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx.out").toFile()).start();
            if (!Poll.until(Duration.ofSeconds(15), Duration.ofMillis(100), () -> Ports.isListening(port))) {
                String out = Files.readString(dir.resolve("nginx.out")) + readIfExists(dir.resolve("error.log"));
                server.close();
                throw new IllegalStateException("nginx did not listen on " + port + ": " + out);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    static String config(Path dir, int port, String contentType) {
        return String.join("\n",
                "daemon off;",
                "master_process on;",
                "worker_processes 1;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " warn;",
                "events { worker_connections 4096; }",
                "http {",
                "  access_log off;",
                "  sendfile on;",
                "  tcp_nopush on;",
                "  keepalive_requests 100000000;",
                "  keepalive_timeout 120s;",
                "  client_body_temp_path " + dir.resolve("tmp-body") + ";",
                "  proxy_temp_path " + dir.resolve("tmp-proxy") + ";",
                "  fastcgi_temp_path " + dir.resolve("tmp-fastcgi") + ";",
                "  uwsgi_temp_path " + dir.resolve("tmp-uwsgi") + ";",
                "  scgi_temp_path " + dir.resolve("tmp-scgi") + ";",
                "  types { }",
                "  default_type \"" + contentType.replace("\"", "") + "\";",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    root " + dir.resolve("www") + ";",
                "  }",
                "}",
                "");
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public String url(String fileName) {
        return "http://127.0.0.1:" + port + "/" + fileName;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        BenchMain.deleteTree(dir);
    }
}
