package org.newsroom.common.http;

import java.util.ArrayList;
import java.util.List;

import org.newsroom.common.problem.ProblemException;

/**
 * Entity tags in conditional request headers ({@code If-None-Match}, {@code If-Match}, RFC 9110): one parser and one
 * 304 rule for every service's representations.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /**
     * Weak comparison of {@code If-None-Match} (RFC 9110): true when it is {@code *} or lists the tag, with or without
     * {@code W/}; a malformed header matches nothing (the full response is sent). The one 304 rule of every service.
     */
    public static boolean matchesNoneMatch(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        List<String> tags;
        try {
            tags = parse(ifNoneMatch, "If-None-Match");
        } catch (ProblemException e) {
            return false;
        }
        for (String tag : tags) {
            String strong = tag.startsWith("W/") ? tag.substring(2) : tag;
            if (strong.equals("*") || strong.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Splits a header of entity tags ({@code *}, {@code "x"}, {@code W/"x"}).
     *
     * @throws ProblemException 400 when the header is malformed
     */
    public static List<String> parse(String header, String name) {
        String value = header.trim();
        if (value.equals("*")) {
            return List.of("*");
        }
        List<String> tags = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            char ch = value.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == ',') {
                i++;
                continue;
            }
            int start = i;
            if (value.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= value.length() || value.charAt(i) != '"') {
                throw ProblemException.badRequest(name + " must be * or a list of entity tags such as \"abc\"");
            }
            int end = value.indexOf('"', i + 1);
            if (end < 0) {
                throw ProblemException.badRequest(name + " has an unterminated entity tag");
            }
            tags.add(value.substring(start, end + 1));
            i = end + 1;
        }
        if (tags.isEmpty()) {
            throw ProblemException.badRequest(name + " must be * or a list of entity tags");
        }
        return tags;
    }
}
