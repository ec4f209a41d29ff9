package org.newsroom.bench;

/** One benchmark of {@code ./newsroom bench}: sets itself up on the running stack, measures, and reports rows. */
public interface Scenario {

    String name();

    /** Runs the scenario; rows and notes go into {@code result}. Exceptions are reported as an error row. */
    void run(BenchContext context, ScenarioResult result) throws Exception;
}
