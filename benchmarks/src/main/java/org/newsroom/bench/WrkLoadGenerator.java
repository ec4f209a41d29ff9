package org.newsroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs wrk (when on the PATH) without a Lua script: {@code wrk -t<n> -c<connections> -d<s> --latency}, GET only. */
public final class WrkLoadGenerator implements LoadGenerator {

    private final String executable;
    private final String version;

    private WrkLoadGenerator(String executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /** wrk from the PATH, if it is there. */
    public static Optional<WrkLoadGenerator> find() {
        return Tools.onPath("wrk").map(path -> {
            String banner = Tools.output(List.of(path.toString(), "-v"), 10).lines().findFirst().orElse("wrk");
            String version = banner.replaceAll("^wrk\\s+(\\S+).*$", "$1");
            return new WrkLoadGenerator(path.toString(), "wrk " + version);
        });
    }

    @Override
    public String name() {
        return version;
    }

    @Override
    public boolean supports(LoadSpec spec) {
        return "GET".equals(spec.method()) && spec.urls().size() == 1 && spec.body() == null;
    }

    @Override
    public LoadResult run(LoadSpec spec) {
        if (!supports(spec)) {
            throw new IllegalArgumentException("wrk runs a single GET without a script");
        }
        int threads = Math.max(1, Math.min(spec.connections(), Runtime.getRuntime().availableProcessors()));
        if (!spec.warmup().isZero()) {
            run(threads, spec.connections(), spec.warmup().toSeconds(), spec);
        }
        String output = run(threads, spec.connections(), spec.duration().toSeconds(), spec);
        return WrkOutput.parse(version, output);
    }

    private String run(int threads, int connections, long seconds, LoadSpec spec) {
        List<String> command = new ArrayList<>(List.of(executable, "-t" + threads, "-c" + connections,
                "-d" + Math.max(1, seconds) + "s", "--timeout", "10s", "--latency"));
        spec.headers().forEach((name, value) -> {
            command.add("-H");
            command.add(name + ": " + value);
        });
        command.add(spec.urls().get(0));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(seconds + 60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not finish");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("wrk exited with " + process.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
