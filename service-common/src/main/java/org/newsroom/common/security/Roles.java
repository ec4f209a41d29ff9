package org.newsroom.common.security;

/** The roles of the {@code groups} claim (API.md). An admin may do everything an editor may. */
public final class Roles {
    public static final String REPORTER = "reporter";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
