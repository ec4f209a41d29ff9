package org.newsroom.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * A real S3 API server (S3Proxy with its filesystem backend) running in a child JVM from its own jars, so that its
 * class path never mixes with a service's. Objects live under {@code home/data} and survive {@link #stop()} and
 * {@link #start()}, which tests use to simulate an object-store outage. Path-style addressing, AWS signature v4.
 */
public final class S3Server implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "newsroom/s3-server.classpath";
    /** Access key of the local server: it guards throw-away local data only. */
    public static final String ACCESS_KEY = "newsroom-local";
    /** Secret key of the local server: it guards throw-away local data only. */
    public static final String SECRET_KEY = "newsroom-local-secret";

    private final Path home;
    private final int port;
    private final String heap;
    private final Consumer<String> log;
    private Process process;

    /**
     * @param home directory for the server's configuration and objects (created when missing)
     * @param port HTTP port on 127.0.0.1
     * @param heap maximum heap of the server JVM, e.g. {@code 128m}
     * @param log receives each line the server prints
     */
    public S3Server(Path home, int port, String heap, Consumer<String> log) {
        this.home = home;
        this.port = port;
        this.heap = heap;
        this.log = log;
    }

    /** The endpoint URL clients use (path-style). */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts the server and waits until it answers HTTP. */
    public synchronized S3Server start() {
        if (isRunning()) {
            return this;
        }
        try {
            Files.createDirectories(home.resolve("data"));
            Path config = writeConfig();
            process = java(config).start();
            pump(process.getInputStream());
            awaitReady(Duration.ofSeconds(90));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 20 s), keeping its objects. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ChildJvm.stop(process, Duration.ofSeconds(20), port);
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady(Duration timeout) {
        boolean ready = Poll.until(timeout, Duration.ofMillis(200), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3 server exited with " + process.exitValue());
            }
            return Ports.isListening(port);
        });
        if (!ready) {
            throw new IllegalStateException("s3 server not ready within " + timeout);
        }
    }

    private Path writeConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", endpoint());
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", ACCESS_KEY);
        p.setProperty("s3proxy.credential", SECRET_KEY);
        p.setProperty("jclouds.provider", "filesystem");
        p.setProperty("jclouds.filesystem.basedir", home.resolve("data").toAbsolutePath().toString());
        Path config = home.resolve("s3proxy.properties");
        try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, "written by the Newsroom local stack");
        }
        return config;
    }

    private ProcessBuilder java(Path config) throws IOException {
        return new ProcessBuilder(ChildJvm.command(heap, "32m", List.of("-Dnewsroom.stack.home=" + home.toAbsolutePath()),
                ChildJvm.classpath(CLASSPATH_RESOURCE, "s3-server"), "org.gaul.s3proxy.Main",
                List.of("--properties", config.toAbsolutePath().toString()))).redirectErrorStream(true);
    }

    private void pump(InputStream in) {
        ChildJvm.pump(in, log, "s3-server-log");
    }
}
