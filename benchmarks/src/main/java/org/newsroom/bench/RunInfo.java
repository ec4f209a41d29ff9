package org.newsroom.bench;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The circumstances of one {@code ./newsroom bench} run, printed above each scenario's figures. */
public record RunInfo(OffsetDateTime date, String command, String machine, Map<String, String> versions,
        List<String> settings) {

    public RunInfo {
        versions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(versions));
        settings = List.copyOf(settings);
    }
}
