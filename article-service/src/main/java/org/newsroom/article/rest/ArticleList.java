package org.newsroom.article.rest;

import java.util.List;

import org.newsroom.article.model.ArticleView;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A page of {@code GET /api/v1/articles}: the articles and the cursor of the next page (absent on the last). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleList(List<ArticleView> items, String next) {
}
