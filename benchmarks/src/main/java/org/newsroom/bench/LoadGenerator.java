package org.newsroom.bench;

/** Runs a {@link LoadSpec}; wrk when it is installed, else the Java generator. */
public interface LoadGenerator {

    /** A short name with version for the report, e.g. {@code wrk 4.1.0}. */
    String name();

    /** Whether this generator can run the spec (wrk: GET without body only). */
    boolean supports(LoadSpec spec);

    LoadResult run(LoadSpec spec);
}
