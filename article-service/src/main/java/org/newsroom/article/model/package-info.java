/**
 * The representations article-service's API exchanges (Article, Issue, revisions, transitions and the requests that
 * change them): records that the {@code rest} layer serialises and the {@code service} layer returns, so that
 * services never depend on REST classes.
 */
package org.newsroom.article.model;
