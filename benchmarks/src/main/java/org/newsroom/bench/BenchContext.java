package org.newsroom.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;

import org.newsroom.stack.LocalStack;
import org.newsroom.stack.PostgresServer;

/** What every scenario needs: the running stack, its API, settings, load generators, and where to log. */
public final class BenchContext {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private final LocalStack stack;
    private final NewsroomApi api;
    private final BenchOptions options;
    private final Path sharedDir;
    private final Path projectDir;
    private final Consumer<String> stackLog;
    private final Optional<WrkLoadGenerator> wrk;
    private final JavaLoadGenerator java = new JavaLoadGenerator();
    private final Profiler profiler;

    public BenchContext(LocalStack stack, BenchOptions options, Path sharedDir, Path projectDir, Consumer<String> stackLog) {
        this.stack = stack;
        this.api = new NewsroomApi(stack);
        this.options = options;
        this.sharedDir = sharedDir;
        this.projectDir = projectDir;
        this.stackLog = stackLog;
        this.wrk = "java".equals(options.loadGenerator()) ? Optional.empty() : WrkLoadGenerator.find();
        if ("wrk".equals(options.loadGenerator()) && wrk.isEmpty()) {
            throw new IllegalStateException("NEWSROOM_BENCH_LOADGEN=wrk but wrk is not on the PATH");
        }
        this.profiler = new Profiler(stack, options.profile(), projectDir.resolve("benchmarks/target/jfr"), this::progress);
    }

    public LocalStack stack() {
        return stack;
    }

    public NewsroomApi api() {
        return api;
    }

    public BenchOptions options() {
        return options;
    }

    public Path sharedDir() {
        return sharedDir;
    }

    public Path projectDir() {
        return projectDir;
    }

    public Profiler profiler() {
        return profiler;
    }

    /** The seed story file of that name. */
    public byte[] seed(String fileName) {
        try {
            return Files.readAllBytes(sharedDir.resolve("seed/articles").resolve(fileName));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** wrk for a single GET when installed (unless NEWSROOM_BENCH_LOADGEN=java), else the Java generator. */
    public LoadGenerator generatorFor(LoadSpec spec) {
        return wrk.filter(w -> w.supports(spec)).<LoadGenerator>map(w -> w).orElse(java);
    }

    public JavaLoadGenerator javaGenerator() {
        return java;
    }

    /** A load run and the CPU each component used during its measured part. */
    public record Measured(LoadResult load, CpuMeter.Usage cpu) {
    }

    /**
     * Runs the warm-up, then the measurement as a separate run, with CPU accounting (and the optional profile) over
     * the measured run only.
     */
    public Measured measure(String scenario, ScenarioResult result, LoadGenerator generator, LoadSpec spec,
            java.util.Map<String, Long> extraProcessTrees) {
        if (!spec.warmup().isZero()) {
            log(scenario + " warm-up: " + generator.run(spec.warmupRun()));
        }
        Profiler.Session profile = profiler.start(scenario);
        CpuMeter.Snapshot before = CpuMeter.take(stack, extraProcessTrees);
        LoadResult load = generator.run(spec.measuredRun());
        CpuMeter.Usage cpu = before.until(CpuMeter.take(stack, extraProcessTrees));
        profile.stop(result);
        return new Measured(load, cpu);
    }

    /** A connection to one of the stack's databases ({@link LocalStack#ARTICLE_DATABASE}, {@link LocalStack#NOTIFY_DATABASE}). */
    public Connection database(String name) throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(name), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** A progress line on the terminal (and in the stack log). */
    public void progress(String line) {
        OUT.println("bench: " + line);
        stackLog.accept("[bench]   " + line);
    }

    public void log(String line) {
        stackLog.accept("[bench]   " + line);
    }
}
