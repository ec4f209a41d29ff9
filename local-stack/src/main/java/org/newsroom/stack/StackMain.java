package org.newsroom.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/** Entry point behind the {@code ./newsroom} script: {@code up}, {@code down [--purge]} and {@code token <role> <name>}. */
public final class StackMain {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private StackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path projectDir = Path.of(System.getProperty("newsroom.project.dir", ".")).toAbsolutePath().normalize();
        StackConfig config;
        try {
            config = StackConfig.fromEnvironment(projectDir, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("newsroom: " + e.getMessage());
            System.exit(2);
            return;
        }
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up" -> up(config);
            case "down" -> System.exit(down(config, List.of(args).contains("--purge")));
            case "token" -> System.exit(token(config, args));
            default -> {
                System.err.println("usage: newsroom up [--detach] | down [--purge] | token <reporter|editor|admin> <name> | demo");
                System.exit(2);
            }
        }
    }

    private static void up(StackConfig config) throws InterruptedException, IOException {
        Path pidFile = config.home().resolve("stack.pid");
        Optional<ProcessHandle> running = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (running.isPresent() && running.get().pid() != ProcessHandle.current().pid()) {
            System.err.println("newsroom: a stack is already running (pid " + running.get().pid() + "); run ./newsroom down first");
            System.exit(1);
        }
        Files.createDirectories(config.home());
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        LocalStack stack = new LocalStack(config, OUT::println, Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println("newsroom: stopping");
            stack.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // best effort
            }
            OUT.println("newsroom: stopped");
            stopped.countDown();
        }, "newsroom-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("newsroom: start failed: " + e.getMessage());
            System.exit(1);
        }
        OUT.println();
        stack.addresses().forEach(line -> OUT.println("  " + line));
        OUT.println("  state            " + config.home());
        OUT.println();
        OUT.println("newsroom is ready");
        stopped.await();
    }

    private static int down(StackConfig config, boolean purge) throws IOException {
        Path pidFile = config.home().resolve("stack.pid");
        Optional<ProcessHandle> stack = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (stack.isPresent()) {
            stack.get().destroy();
            boolean ended = Poll.until(Duration.ofSeconds(120), Duration.ofMillis(200), () -> !stack.get().isAlive());
            if (!ended) {
                stack.get().destroyForcibly();
            }
            OUT.println("newsroom: stopped the stack (pid " + stack.get().pid() + ")");
        } else {
            OUT.println("newsroom: no running stack");
        }
        killLeftovers(config);
        Files.deleteIfExists(pidFile);
        if (purge && Files.exists(config.home())) {
            try (Stream<Path> files = Files.walk(config.home())) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            OUT.println("newsroom: deleted " + config.home());
        }
        return 0;
    }

    /** After a crash of the stack process: stops what it had started, and only that (checked by command line). */
    private static void killLeftovers(StackConfig config) throws IOException {
        Path run = config.home().resolve("run");
        if (Files.isDirectory(run)) {
            try (Stream<Path> files = Files.list(run)) {
                for (Path file : files.toList()) {
                    readPid(file).flatMap(ProcessHandle::of)
                            .filter(p -> p.isAlive() && commandLine(p.pid()).contains(config.home().toString()))
                            .ifPresent(p -> {
                                p.destroy();
                                Poll.until(Duration.ofSeconds(30), Duration.ofMillis(200), () -> !p.isAlive());
                                p.destroyForcibly();
                            });
                    Files.deleteIfExists(file);
                }
            }
        }
        Path postmaster = config.home().resolve("postgres/postmaster.pid");
        if (Files.exists(postmaster)) {
            List<String> lines = Files.readAllLines(postmaster);
            if (!lines.isEmpty()) {
                readPidText(lines.get(0)).flatMap(ProcessHandle::of)
                        .filter(p -> p.isAlive() && commandLine(p.pid()).contains(config.home().toString()))
                        .ifPresent(p -> {
                            p.destroy();
                            Poll.until(Duration.ofSeconds(30), Duration.ofMillis(200), () -> !p.isAlive());
                        });
            }
        }
    }

    private static int token(StackConfig config, String[] args) {
        if (args.length != 3 || !JwtKeys.ROLES.contains(args[1]) || args[2].isBlank()) {
            System.err.println("usage: newsroom token <reporter|editor|admin> <name>");
            return 2;
        }
        JwtKeys keys = JwtKeys.loadOrCreate(config.home().resolve("jwt"));
        OUT.println(keys.token(args[1], args[2], Duration.ofHours(12)));
        return 0;
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Files.exists(file) ? readPidText(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> readPidText(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
        }
    }
}
