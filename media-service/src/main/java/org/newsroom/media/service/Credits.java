package org.newsroom.media.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a printed photo credit such as {@code 刘坤 陈文卿 摄影报道} or {@code 摄影：刘坤、陈文卿} as structured data: the
 * photographers' names, without the words that only say who took the photos.
 */
public final class Credits {

    private static final Pattern SEPARATORS = Pattern.compile("\\s*[、，,;；/]\\s*");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");
    private static final Pattern ROLE_WORD = Pattern.compile("摄影记者|记者|摄影报道|摄影|报道|摄|图|图片|通讯员");
    private static final Pattern ROLE_PREFIX = Pattern.compile("^(?:摄影记者|记者|摄影|图片|图|摄|通讯员)[：:]\\s*");
    private static final Pattern ROLE_SUFFIX = Pattern.compile("(?:摄影报道|摄影|报道|摄)$");

    private Credits() {
    }

    /** The names in a credit line, in order; empty for a null or blank credit. */
    public static List<String> photographers(String credit) {
        List<String> names = new ArrayList<>();
        if (credit == null || credit.isBlank()) {
            return names;
        }
        List<String> parts = new ArrayList<>();
        for (String part : SEPARATORS.split(credit.strip())) {
            // Chinese names are separated by spaces; a Latin name keeps its spaces.
            if (LATIN.matcher(part).find()) {
                parts.add(part.strip());
            } else {
                parts.addAll(List.of(SPACES.split(part.strip())));
            }
        }
        for (String part : parts) {
            String name = ROLE_PREFIX.matcher(part).replaceFirst("");
            if (!ROLE_WORD.matcher(name).matches()) {
                name = ROLE_SUFFIX.matcher(name).replaceFirst("");
            }
            if (!name.isEmpty() && !ROLE_WORD.matcher(name).matches()) {
                names.add(name);
            }
        }
        return names;
    }
}
