package org.newsroom.article.model;

import java.time.OffsetDateTime;

import org.newsroom.article.domain.ArticleStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One workflow step of an article: action, from and to status, note, who and when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransitionView(String action, ArticleStatus from, ArticleStatus to, String note, String actor,
        OffsetDateTime at) {
}
