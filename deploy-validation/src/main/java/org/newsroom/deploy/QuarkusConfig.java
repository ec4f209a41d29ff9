package org.newsroom.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A service's application.properties as the prod profile sees it, optionally inside a container
 * whose environment variables are known. Follows SmallRye Config where it matters here:
 * environment variables (ordinal 300, named by upper-casing and replacing every other character by
 * '_', {@code _PROD_} prefix for the profile) beat application.properties (250) even over a
 * {@code %prod.} key; within the file {@code %prod.key} beats {@code key}; {@code ${name:default}}
 * expressions are expanded, {@code name} being looked up as a property (so also as an environment variable).
 */
public final class QuarkusConfig {
    private final Path file;
    private final Map<String, String> properties;
    private final Map<String, String> env;

    private QuarkusConfig(Path file, Map<String, String> properties, Map<String, String> env) {
        this.file = file;
        this.properties = properties;
        this.env = env;
    }

    /** Loads a properties file (ISO-8859-1 escapes and UTF-8 text both read correctly). */
    public static QuarkusConfig load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, p.getProperty(k)));
        return new QuarkusConfig(file, map, Map.of());
    }

    /** The same configuration seen inside a container with these environment variables. */
    public QuarkusConfig withEnv(Map<String, String> env) {
        return new QuarkusConfig(file, properties, Map.copyOf(env));
    }

    public Path file() {
        return file;
    }

    /** Every key in the file, profiles included, with its raw value. */
    public Map<String, String> raw() {
        return properties;
    }

    /** The raw value the prod profile reads from the file: {@code %prod.key}, else {@code key}. */
    public Optional<String> rawProd(String key) {
        if (properties.containsKey("%prod." + key)) {
            return Optional.of(properties.get("%prod." + key));
        }
        return Optional.ofNullable(properties.get(key));
    }

    /** The value the prod profile ends up with (environment first), expressions expanded. */
    public Optional<String> value(String key) {
        return lookup(key, 0);
    }

    /** Environment variable name SmallRye maps a property name to. */
    public static String envName(String property) {
        StringBuilder b = new StringBuilder();
        for (char c : property.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    private Optional<String> lookup(String key, int depth) {
        if (depth > 20) {
            throw new IllegalStateException(file + ": expression loop at " + key);
        }
        for (String name : new String[]{"_PROD_" + envName(key), key, envName(key)}) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) {
                return Optional.of(expand(v, depth));
            }
        }
        return rawProd(key).map(v -> expand(v, depth));
    }

    /** Expands ${name} and ${name:default} (nested defaults allowed); $${ and \${ stay literal. */
    private String expand(String value, int depth) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '\\' && value.startsWith("${", i + 1)) {
                out.append("${");
                i += 3;
                continue;
            }
            if (c == '$' && value.startsWith("${", i + 1)) {
                out.append("${");
                i += 3;
                continue;
            }
            if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
                int end = matchingBrace(value, i + 1);
                String inner = value.substring(i + 2, end);
                int colon = topLevelColon(inner);
                String name = colon < 0 ? inner : inner.substring(0, colon);
                Optional<String> resolved = lookup(name, depth + 1);
                if (resolved.isPresent()) {
                    out.append(resolved.get());
                } else if (colon >= 0) {
                    out.append(expand(inner.substring(colon + 1), depth + 1));
                } else {
                    throw new IllegalStateException(file + ": cannot resolve ${" + name + "} (no value, no default)");
                }
                i = end + 1;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private int matchingBrace(String s, int open) {
        int level = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '{') {
                level++;
            } else if (s.charAt(i) == '}' && --level == 0) {
                return i;
            }
        }
        throw new IllegalStateException(file + ": unbalanced ${ in " + s);
    }

    private static int topLevelColon(String s) {
        int level = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                level++;
            } else if (c == '}') {
                level--;
            } else if (c == ':' && level == 0) {
                return i;
            }
        }
        return -1;
    }
}
