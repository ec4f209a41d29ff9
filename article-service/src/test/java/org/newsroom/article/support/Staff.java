package org.newsroom.article.support;

import java.util.UUID;

import org.newsroom.stack.test.TestInfrastructure;

/** Bearer tokens of the test JVM's key pair. */
public final class Staff {

    private Staff() {
    }

    public static String token(String role, String name) {
        return TestInfrastructure.get().token(role, name);
    }

    public static String editor() {
        return token("editor", "王编辑");
    }

    public static String admin() {
        return token("admin", "管理员");
    }

    /** A reporter name no other test uses. */
    public static String newReporter() {
        return "记者-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String reporter(String name) {
        return token("reporter", name);
    }
}
