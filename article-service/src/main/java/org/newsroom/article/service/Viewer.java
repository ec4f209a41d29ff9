package org.newsroom.article.service;

import java.util.Set;

import org.newsroom.article.domain.Article;
import org.newsroom.article.repository.ArticleListing;
import org.newsroom.common.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is asking: a reader without a token, or staff with a name and roles; visibility rules are decided on it. */
public record Viewer(String name, Set<String> roles) {

    public static final Viewer ANONYMOUS = new Viewer(null, Set.of());
    /** The publication scheduler acting on its own. */
    public static final Viewer SCHEDULER = new Viewer("scheduler", Set.of(Roles.EDITOR));

    public static Viewer of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        return new Viewer(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()));
    }

    public boolean anonymous() {
        return name == null;
    }

    /** Editors and admins: every article, every issue. */
    public boolean editor() {
        return roles.contains(Roles.EDITOR) || roles.contains(Roles.ADMIN);
    }

    public boolean reporter() {
        return roles.contains(Roles.REPORTER);
    }

    /** Any role of the newsroom's staff. */
    public boolean staff() {
        return editor() || reporter();
    }

    /** Which articles this viewer may list or find: editors all, reporters their own too, readers the readable. */
    public ArticleListing.Scope scope() {
        return editor() ? ArticleListing.Scope.ALL
                : reporter() ? ArticleListing.Scope.OWN_AND_READABLE : ArticleListing.Scope.READABLE;
    }

    /** True when this viewer is the reporter who submitted the article. */
    public boolean owns(Article article) {
        return name != null && name.equals(article.submittedBy);
    }
}
