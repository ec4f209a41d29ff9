package org.newsroom.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the stack's server child JVMs (Kafka broker, S3Proxy) share: a small-footprint {@code java} command on a class
 * path a build module wrote as a resource, their output pumped line by line, and a stop that escalates.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The {@code java} command: serial GC, C1 only, headless, {@code -Xmx heap}, then the options and main class. */
    static List<String> command(String heap, String minHeap, List<String> options, String classpath, String mainClass,
            List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-Xms" + minHeap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.awt.headless=true");
        command.addAll(options);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** The class path a build module wrote into {@code resource}; {@code module} names it in the error. */
    static String classpath(String resource, String module) throws IOException {
        try (InputStream in = ChildJvm.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not found: build the " + module + " module first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    /** Hands every line the process prints to {@code log}, on a daemon thread named {@code thread}. */
    static void pump(InputStream in, Consumer<String> log, String thread) {
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    log.accept(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, thread);
        pump.setDaemon(true);
        pump.start();
    }

    /** SIGTERM, SIGKILL after {@code grace}, then waits until nothing listens on {@code port} any more. */
    static void stop(Process process, Duration grace, int port) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Poll.until(Duration.ofSeconds(10), Duration.ofMillis(100), () -> !Ports.isListening(port));
    }
}
