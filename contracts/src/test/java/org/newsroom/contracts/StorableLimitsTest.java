package org.newsroom.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.contracts.article.Genre;
import org.newsroom.contracts.article.Storable;
import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.SubmissionFormat;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Reads article-service's Flyway migrations and compares every limited column with the validation limits of
 * {@link Storable} (issue 9 item 2), so that the two cannot drift apart: a new {@code varchar(n)} column or a new
 * btree-indexed text column fails this test until its limit is declared here.
 */
class StorableLimitsTest {

    private static final Path MIGRATIONS = Path.of("../article-service/src/main/resources/db/migration");
    private static final Pattern TABLE = Pattern.compile("create table (\\w+) \\((.*?)\\n\\)", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("^\\s+(\\w+)\\s+(varchar\\((\\d+)\\)|text(?!\\w))", Pattern.MULTILINE);
    private static final Pattern INDEX = Pattern.compile(
            "create (?:unique )?index \\w+ on (\\w+)\\s*(using \\w+\\s*)?\\(([^)]*)\\)");
    private static final Pattern UNIQUE = Pattern.compile("unique \\(([^)]*)\\)");

    /** The validation limit, in characters, of each limited column a submission (or its event) fills. */
    private static final Map<String, Integer> VARCHAR_LIMITS = Map.ofEntries(
            Map.entry("language", Storable.LANGUAGE_MAX),
            Map.entry("slug", Storable.SLUG_MAX),
            Map.entry("event_id", Storable.EVENT_ID_MAX),
            Map.entry("genre", longest(Genre.class)),
            Map.entry("distribution", longest(Distribution.class)),
            Map.entry("format", longest(SubmissionFormat.class)),
            // Values set by article-service itself (statuses, kinds, actions): none is longer than ENUM_MAX.
            Map.entry("status", Storable.ENUM_MAX),
            Map.entry("kind", Storable.ENUM_MAX),
            Map.entry("action", Storable.ENUM_MAX),
            Map.entry("from_status", Storable.ENUM_MAX),
            Map.entry("to_status", Storable.ENUM_MAX));

    /** Btree-indexed text columns a submission fills, with the validation limit in characters. */
    private static final Map<String, Integer> INDEXED_TEXT_LIMITS = Map.of(
            "submitted_by", Storable.SUBMITTED_BY_MAX,
            "section", Storable.SECTION_MAX);
    /** Btree-indexed text columns no submission fills (validated by article-service's issue rules). */
    private static final Set<String> NOT_FROM_SUBMISSIONS = Set.of("masthead");

    @Test
    void everyVarcharColumnHoldsWhatValidationAllows() throws IOException {
        Map<String, Map<String, String>> tables = tables();
        Map<String, Integer> seen = new LinkedHashMap<>();
        tables.forEach((table, columns) -> columns.forEach((column, type) -> {
            if (type.startsWith("varchar")) {
                seen.put(table + "." + column, Integer.parseInt(type.replaceAll("\\D", "")));
            }
        }));
        assertThat(seen).as("varchar columns found in %s", MIGRATIONS).isNotEmpty();
        seen.forEach((column, length) -> {
            String name = column.substring(column.indexOf('.') + 1);
            assertThat(VARCHAR_LIMITS).as("limit of %s (declare it in Storable and here)", column).containsKey(name);
            assertThat(VARCHAR_LIMITS.get(name)).as("validation limit of %s varchar(%d)", column, length)
                    .isLessThanOrEqualTo(length);
        });
        assertThat(longest(BlockType.class)).isLessThanOrEqualTo(Storable.ENUM_MAX);
    }

    @Test
    void everyBtreeIndexedTextColumnFitsAnIndexRow() throws IOException {
        Map<String, Map<String, String>> tables = tables();
        String sql = migrations().toLowerCase(Locale.ROOT);
        Map<String, List<String>> indexed = new HashMap<>();
        Matcher index = INDEX.matcher(sql);
        while (index.find()) {
            if (index.group(2) == null || index.group(2).contains("btree")) {
                indexed.computeIfAbsent(index.group(1), t -> new java.util.ArrayList<>()).addAll(columns(index.group(3)));
            }
        }
        for (Map.Entry<String, Map<String, String>> table : tables.entrySet()) {
            Matcher unique = UNIQUE.matcher(tableBody(sql, table.getKey()));
            while (unique.find()) {
                indexed.computeIfAbsent(table.getKey(), t -> new java.util.ArrayList<>()).addAll(columns(unique.group(1)));
            }
        }
        assertThat(indexed).isNotEmpty();
        indexed.forEach((table, columns) -> columns.forEach(column -> {
            String type = tables.getOrDefault(table, Map.of()).get(column);
            if (!"text".equals(type) || NOT_FROM_SUBMISSIONS.contains(column)) {
                return;
            }
            assertThat(INDEXED_TEXT_LIMITS).as("limit of indexed %s.%s (declare it in Storable and here)", table, column)
                    .containsKey(column);
            // 4 bytes per character at most in UTF-8, plus the other key columns (timestamps, uuids) and headers.
            assertThat(INDEXED_TEXT_LIMITS.get(column) * 4 + 64).as("index row of %s.%s", table, column)
                    .isLessThan(Storable.BTREE_ROW_MAX_BYTES);
        }));
    }

    @Test
    void theSubmissionsAnnotationsUseTheLimits() throws NoSuchFieldException {
        assertThat(sizeMax("language")).isEqualTo(Storable.LANGUAGE_MAX);
        assertThat(sizeMax("section")).isEqualTo(Storable.SECTION_MAX);
        assertThat(Submission.class.getDeclaredField("slug")).isNotNull();
    }

    private static int sizeMax(String component) throws NoSuchFieldException {
        return Submission.class.getDeclaredField(component).getAnnotation(Size.class).max();
    }

    private static List<String> columns(String list) {
        return Stream.of(list.split(",")).map(c -> c.trim().split("\\s+")[0]).toList();
    }

    private static String tableBody(String sql, String table) {
        Matcher m = TABLE.matcher(sql);
        while (m.find()) {
            if (m.group(1).equals(table)) {
                return m.group(2);
            }
        }
        return "";
    }

    private static Map<String, Map<String, String>> tables() throws IOException {
        String sql = migrations().toLowerCase(Locale.ROOT);
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        Matcher table = TABLE.matcher(sql);
        while (table.find()) {
            Map<String, String> columns = new LinkedHashMap<>();
            Matcher column = COLUMN.matcher(table.group(2));
            while (column.find()) {
                columns.put(column.group(1), column.group(2));
            }
            tables.put(table.group(1), columns);
        }
        assertThat(tables).containsKeys("article", "article_revision", "article_search");
        return tables;
    }

    private static String migrations() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8)
                        .replaceAll("--[^\\n]*", "")).append('\n');
            }
        }
        return all.toString();
    }

    private static int longest(Class<? extends Enum<?>> type) {
        int longest = 0;
        for (java.lang.reflect.Field field : type.getFields()) {
            if (field.isEnumConstant()) {
                JsonProperty property = field.getAnnotation(JsonProperty.class);
                longest = Math.max(longest, property == null ? field.getName().length() : property.value().length());
            }
        }
        return longest;
    }
}
